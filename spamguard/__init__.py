"""spamguard: remove SEO spam, hidden-link anchors and site boilerplate from scraped text.

>>> import spamguard
>>> result = spamguard.clean("The minister resigned on Friday.\\n\\nporno izlebrazzers")
>>> result.text
'The minister resigned on Friday.'
>>> result.flags[0].category, result.verdict
('adult', 'cleaned')
"""
from .cleaner import Cleaner, apply, clean
from .errors import InputError, MemoryFileError, ModelError, SpamguardError, TrainingDataError
from .evidence.memory import CorpusMemory, load_memory, save_memory
from .types import Flag, Report, Result

__version__ = "0.1.0"
__all__ = ["Cleaner", "CorpusMemory", "Flag", "InputError", "MemoryFileError", "ModelError", "Report", "Result",
           "SpamguardError", "TrainingDataError", "__version__", "apply", "clean", "load_memory", "save_memory"]
