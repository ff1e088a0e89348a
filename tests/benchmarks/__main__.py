import importlib
import pkgutil
import sys

from tests import benchmarks


def main(selected):
    names = sorted(info.name for info in pkgutil.iter_modules(benchmarks.__path__)
                   if info.name.startswith("bench_"))
    for name in names:
        if selected and name not in selected:
            continue
        print(f"== {name}")
        for line in importlib.import_module(f"tests.benchmarks.{name}").run():
            print(line)


if __name__ == "__main__":
    main(sys.argv[1:])
