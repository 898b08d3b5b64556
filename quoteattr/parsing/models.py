"""Where stanza's models are and which of the processors quoteattr needs they provide."""

from __future__ import annotations

import json
import os
from pathlib import Path

import stanza

__all__ = ["OPTIONAL_PROCESSORS", "REQUIRED_PROCESSORS", "available_processors", "default_model_dir",
           "download_command"]

#: Processors quoteattr cannot work without.
REQUIRED_PROCESSORS = ("tokenize", "mwt", "pos", "lemma", "depparse")
#: Processors used when a model for them is present.
OPTIONAL_PROCESSORS = ("ner",)


def default_model_dir() -> str:
    """Where stanza keeps its models: ``$STANZA_RESOURCES_DIR`` or stanza's default."""
    return os.environ.get("STANZA_RESOURCES_DIR") or stanza.resources.common.DEFAULT_MODEL_DIR


def download_command(lang: str, model_dir: str) -> str:
    return f"python -c \"import stanza; stanza.download('{lang}', dir='{model_dir}')\""


def available_processors(model_dir: str, lang: str) -> dict[str, str] | None:
    """Processor -> package of the models present in ``model_dir`` (None if no resources.json)."""
    path = Path(model_dir) / "resources.json"
    try:
        resources = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    lang_res = resources.get(lang)
    if isinstance(lang_res, dict) and "alias" in lang_res:
        lang_res = resources.get(lang_res["alias"])
    if not isinstance(lang_res, dict):
        return {}
    defaults = lang_res.get("default_processors", {})
    found: dict[str, str] = {}
    for proc in REQUIRED_PROCESSORS + OPTIONAL_PROCESSORS:
        if isinstance(defaults, dict) and proc in defaults:
            packages = [defaults[proc]]
        else:
            entry = lang_res.get(proc)
            packages = list(entry) if isinstance(entry, (dict, list)) else []
        for package in packages:
            if (Path(model_dir) / lang / proc / f"{package}.pt").exists():
                found[proc] = package
                break
    return found
