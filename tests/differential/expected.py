# Prints the expected output (the CPython reference) of one differential-test program.
#   usage: expected.py SEED_OR_CASE_FILE [--program]   (--program also prints the program first)
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import interp    # noqa: E402
import programs  # noqa: E402


def main(argv):
    args = [a for a in argv[1:] if a != '--program']
    if len(args) != 1:
        sys.exit('usage: expected.py SEED_OR_CASE_FILE [--program]')
    label, program = programs.load(args[0])
    if '--program' in argv:
        print(f'# {label}\n{programs.show(program)}\n# output')
    for line in interp.run_program(program):
        print(line)


if __name__ == '__main__':
    main(sys.argv)
