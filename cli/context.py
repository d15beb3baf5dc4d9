"""From parsed arguments to an open hall, and printing answers."""

from __future__ import annotations

import json
import sys
from dataclasses import replace

from models.config import Config, load_config
from models.hall import Hall, open_hall

language = "zh"


def config_from(args) -> Config:
    global language
    config = load_config(args.config, db_override=args.db)
    if args.lang:
        config = replace(config, language=args.lang)
    language = config.language
    return config


def hall_from(args, *, create: bool = False) -> Hall:
    return open_hall(config_from(args), create=create)


def emit_json(data) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")


def say(text: str = "") -> None:
    print(text)
