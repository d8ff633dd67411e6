"""Language identification with py3langid (offline, small), restricted to the languages annales has data for."""
from __future__ import annotations

from functools import cache

from annales.lang import languages


@cache
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    known = [lang for lang in languages() if lang in identifier.nb_classes]
    identifier.set_languages(known or None)
    return identifier


def detect_language(text: str, default: str = "fr") -> str:
    """ISO 639-1 code of ``text`` among the languages with a folder under ``annales/lang``."""
    sample = text[:5000].strip()
    if len(sample) < 20:
        return default
    language, _ = _identifier().classify(sample)
    return language
