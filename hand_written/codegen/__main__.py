"""`python -m codegen prepare VENDOR_SPEC OUTPUT`: write the generator input and say what changed."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from codegen.prepare import TRANSFORMS, prepare
from codegen.specfile import dump_spec, load_spec


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m codegen", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    prep = commands.add_parser("prepare", help="vendor spec in, openapi-python-client input out")
    prep.add_argument("vendor_spec", type=Path)
    prep.add_argument("output", type=Path)
    prep.add_argument("--verbose", action="store_true", help="list every change, not only counts")
    args = parser.parse_args(argv)

    spec, report = prepare(load_spec(args.vendor_spec))
    args.output.parent.mkdir(parents=True, exist_ok=True)
    dump_spec(spec, args.output)
    for transform in TRANSFORMS:
        changes = report[transform.name]
        print(f"{transform.name}: {len(changes)} change(s)", file=sys.stderr)
        if args.verbose:
            for change in changes:
                print(f"    {change}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
