"""Code generation commands (run by `make generate`):

python -m codegen prepare VENDOR_SPEC OUTPUT          vendor spec in, openapi-python-client input out
python -m codegen facade PREPARED_SPEC PACKAGE OUTPUT  the facade's tables for a generated package
python -m codegen diff OLD NEW [--json] [--fail-on-breaking]  what a vendor bump changed
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from codegen.diff import diff, report, report_json
from codegen.facade import MissingOperationsError, write_package
from codegen.prepare import TRANSFORMS, prepare
from codegen.specfile import dump_spec, load_spec


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m codegen", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    prep = commands.add_parser("prepare", help="vendor spec in, openapi-python-client input out")
    prep.add_argument("vendor_spec", type=Path)
    prep.add_argument("output", type=Path)
    prep.add_argument("--verbose", action="store_true", help="list every change, not only counts")
    facade = commands.add_parser("facade", help="write korusticket/_generated/ for a generated client")
    facade.add_argument("prepared_spec", type=Path)
    facade.add_argument("package", type=Path, help="the generated korusticket_client directory")
    facade.add_argument("output", type=Path, help="the directory to write (korusticket/_generated)")
    compare = commands.add_parser("diff", help="what changed between two vendor specs")
    compare.add_argument("old_spec", type=Path)
    compare.add_argument("new_spec", type=Path)
    compare.add_argument("--json", action="store_true", help="machine-readable report (for CI)")
    compare.add_argument("--fail-on-breaking", action="store_true", help="exit 1 when a change may break code (for CI)")
    args = parser.parse_args(argv)

    if args.command == "prepare":
        spec, changes_by_transform = prepare(load_spec(args.vendor_spec))
        args.output.parent.mkdir(parents=True, exist_ok=True)
        dump_spec(spec, args.output)
        for transform in TRANSFORMS:
            changes = changes_by_transform[transform.name]
            print(f"{transform.name}: {len(changes)} change(s)", file=sys.stderr)
            if args.verbose:
                for change in changes:
                    print(f"    {change}", file=sys.stderr)
    elif args.command == "diff":
        old, new = load_spec(args.old_spec), load_spec(args.new_spec)
        found = diff(old, new)
        print(report_json(old, new, found) if args.json else report(found))
        if args.fail_on_breaking and any(change.breaking for change in found):
            return 1
    else:
        try:
            written = write_package(load_spec(args.prepared_spec), args.package, args.output)
        except MissingOperationsError as error:
            print(f"codegen facade: {error}", file=sys.stderr)
            return 1
        for path in written:
            print(f"wrote {path}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
