"""``hall``: the maintainer's command line.

Exit status: 0 done, 1 refused by a hall rule (the message says why),
2 usage, configuration or database error. Every failure is one plain line on
stderr; no traceback reaches the user.
"""

from __future__ import annotations

import argparse
import sys

from cli.errors import EXIT_OK, EXIT_REFUSED, EXIT_USAGE, UsageError


def _common() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    # SUPPRESS keeps a leaf's absent option from overwriting the top-level one.
    common.add_argument(
        "--db", metavar="URL", default=argparse.SUPPRESS, help="database URL (overrides HALL_DB and the config)"
    )
    common.add_argument(
        "--config",
        metavar="FILE",
        default=argparse.SUPPRESS,
        help="config file (default: HALL_CONFIG, ./hall.toml, user config dir)",
    )
    common.add_argument("--lang", choices=("zh", "en"), default=argparse.SUPPRESS, help="language of messages")
    return common


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # argparse's own exits with 2 and usage: keep the status, drop the noise
        from models.plain_text import shown  # what was typed is echoed: an ESC in it is shown, not obeyed

        raise UsageError(f"{self.prog}: {shown(message)}")


def build_parser() -> argparse.ArgumentParser:
    from cli import (
        admin_commands,
        app_commands,
        appointment_commands,
        case_commands,
        catalogue_commands,
        contact_commands,
        duty_commands,
        migrate_commands,
        queue_commands,
        rating_commands,
        report_commands,
        visit_commands,
        whereabouts_commands,
        worklog_commands,
    )

    common = _common()
    # The top level gets its own copy of the options: set_defaults would
    # otherwise change the actions shared with every subcommand.
    parser = _Parser(prog="hall", description="社区服务大厅 — queue and case system", parents=[_common()])
    groups = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    groups.required = True
    for module in (
        admin_commands,
        catalogue_commands,
        queue_commands,
        case_commands,
        report_commands,
        app_commands,
        whereabouts_commands,
        duty_commands,
        migrate_commands,
        visit_commands,
        contact_commands,
        worklog_commands,
        rating_commands,
        appointment_commands,
    ):
        module.register(groups, common)
    return parser


DISK_FULL = "the disk holding the database is full: nothing was written. Free some space, then try again."


def main(argv: list[str] | None = None) -> int:
    from cli.startup import prepare

    prepare(list(sys.argv[1:] if argv is None else argv))
    from peewee import DatabaseError, InterfaceError

    from cli import context
    from cli.output import ShownStream, reader_gone
    from cli.typed_text import check_arguments
    from models.catalogue.store import CatalogueRefused
    from models.config import ConfigError
    from models.db import DatabaseUnavailable, is_disk_full
    from models.errors import Refused
    from models.maintenance.health import BackupRefused
    from models.plain_text import TextRefused

    stdout, stderr = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = ShownStream(stdout), ShownStream(stderr)
    try:
        parser = build_parser()
        args = parser.parse_args(argv)
        for option in ("db", "config", "lang"):
            if not hasattr(args, option):
                setattr(args, option, None)
        context.language = args.lang or context.language
        check_arguments(parser, args, context.language)
        status = int(args.handler(args) or 0)
        sys.stdout.flush()
        return status
    except BrokenPipeError:
        reader_gone()
        return EXIT_OK
    except UsageError as exc:
        print(exc, file=sys.stderr)
        return EXIT_USAGE
    except (ConfigError, DatabaseUnavailable) as exc:
        print(f"hall: {DISK_FULL if is_disk_full(exc) else exc}", file=sys.stderr)
        return EXIT_USAGE
    except TextRefused as exc:
        print(f"hall: {exc.message(context.language)}", file=sys.stderr)
        return EXIT_USAGE
    except Refused as exc:
        print(f"hall: {exc.message(context.language)}", file=sys.stderr)
        return EXIT_REFUSED
    except (CatalogueRefused, BackupRefused) as exc:
        print(f"hall: {exc}", file=sys.stderr)
        return EXIT_REFUSED
    except (DatabaseError, InterfaceError) as exc:
        if is_disk_full(exc):
            print(f"hall: {DISK_FULL}", file=sys.stderr)
            return EXIT_USAGE
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        print(f"hall: database error: {first}; nothing was changed. Try again, or run `hall doctor`.", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return EXIT_OK
    except Exception as exc:  # the last guard: one line, never a traceback
        print(f"hall: unexpected error ({type(exc).__name__}: {exc})", file=sys.stderr)
        return EXIT_REFUSED
    finally:
        sys.stdout, sys.stderr = stdout, stderr


if __name__ == "__main__":
    sys.exit(main())
