"""Pages of one made-up site for the corpus-memory tests: different stories, the site's template line in each."""

STORIES = [
    "The city council voted on Tuesday to approve a new budget for public transport, ending months of debate.",
    "Under the plan, bus fares will rise by 5 per cent next year, while the money goes to new routes in the north.",
    "Critics said the increase would hurt low-income families, who rely on buses more than anyone else.",
    "The river flooded two villages overnight, and rescue teams worked until dawn to reach stranded families.",
    "Officials said the water would recede by Friday, but warned that more rain was expected next week.",
    "The school board approved a later start time for high schools after a two-year study of student sleep.",
    "Parents were divided, with some saying the change would make mornings harder for working families.",
    "A new bridge over the bay opened to traffic on Monday, cutting the commute for thousands of drivers.",
]
PROMO = "Have something to add to this story? Share it in the comments."


def site_pages(template: str = PROMO, pages: int = 6) -> list[str]:
    """Pages of one site: different stories, each with the site's template line between two paragraphs."""
    return [f"{STORIES[i]}\n\n{template}\n\n{STORIES[(i + 3) % 8]}\n\n{STORIES[(i + 5) % 8]}" for i in range(pages)]
