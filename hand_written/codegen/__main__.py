"""Code generation commands (run by `make generate` and `make update-spec`):

python -m codegen prepare VENDOR_SPEC OUTPUT          vendor spec in, openapi-python-client input out
python -m codegen facade PREPARED_SPEC PACKAGE OUTPUT  the facade's tables for a generated package
python -m codegen diff OLD NEW [--json] [--fail-on-breaking]  what a vendor bump changed on the wire
python -m codegen python-names OLD_PACKAGE NEW_PACKAGE  what it changed in the generated client's Python names
python -m codegen bump OLD NEW --old-package DIR --new-package DIR ...  version, changelog, next steps
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from codegen import python_api
from codegen.bump import bump_version, changelog_items, next_steps, write_changelog
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
    names = commands.add_parser("python-names", help="what changed between two generated packages, for callers")
    names.add_argument("old_package", type=Path)
    names.add_argument("new_package", type=Path)
    bump = commands.add_parser("bump", help="after regenerating: Python-name report, version, changelog, next steps")
    bump.add_argument("old_spec", type=Path)
    bump.add_argument("new_spec", type=Path)
    bump.add_argument("--old-package", type=Path, required=True, help="the generated package before the bump")
    bump.add_argument("--new-package", type=Path, required=True, help="the generated package after it")
    bump.add_argument("--version-file", type=Path, required=True, help="the module holding __version__")
    bump.add_argument("--changelog", type=Path, required=True, help="CHANGELOG.md (created if missing)")
    bump.add_argument("--report", type=Path, required=True, help="the report file to append the Python names to")
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
    elif args.command == "python-names":
        print(python_api.report(python_api.python_api_changes(args.old_package, args.new_package)))
    elif args.command == "bump":
        return _bump(args)
    else:
        try:
            written = write_package(load_spec(args.prepared_spec), args.package, args.output)
        except MissingOperationsError as error:
            print(f"codegen facade: {error}", file=sys.stderr)
            return 1
        for path in written:
            print(f"wrote {path}", file=sys.stderr)
    return 0


def _bump(args: argparse.Namespace) -> int:
    old, new = load_spec(args.old_spec), load_spec(args.new_spec)
    old_api, new_api = str(old.get("info", {}).get("version")), str(new.get("info", {}).get("version"))
    wire = diff(old, new)
    python = python_api.python_api_changes(args.old_package, args.new_package)
    names_report = python_api.report(python)
    print(names_report)
    args.report.parent.mkdir(parents=True, exist_ok=True)
    with args.report.open("a", encoding="utf-8") as handle:
        handle.write("\n" + names_report + "\n")
    version = bump_version(args.version_file, new_api)
    write_changelog(args.changelog, changelog_items(old_api, new_api, wire, python, version))
    print(f"\n{args.changelog}: entry for KorusTicket API {new_api} added under [Unreleased]")
    if version.new:
        print(f"{args.version_file}: __version__ {version.old} -> {version.new}")
    print("\n" + next_steps(wire, python, version, args.version_file, args.changelog))
    return 0


if __name__ == "__main__":
    sys.exit(main())
