"""Imports run one way (pages -> pipelines -> records): no module of the package is part of a cycle.

The package is read, not imported: every ``import`` and ``from ... import`` counts, also those
inside functions, since a function-level import only hides a cycle until the function runs.
``from .models.case import Case`` is an edge to ``models.case`` (not to ``models``), and
``from . import reads`` an edge to the submodule ``reads``. Migrations are left out.
"""

import ast
from collections import deque
from pathlib import Path

import borgerraadgiver_plugin

PACKAGE = "borgerraadgiver_plugin"


def modules_of(root, package):
    """``{dotted name: (path, is_package)}`` of every module under ``root`` but migrations."""
    modules = {}
    for path in sorted(root.rglob("*.py")):
        parts = path.relative_to(root).with_suffix("").parts
        if "migrations" in parts:
            continue
        is_package = parts[-1] == "__init__"
        name = ".".join((package, *(parts[:-1] if is_package else parts)))
        modules[name] = (path, is_package)
    return modules


def imported_names(tree, name, is_package):
    """``(module, name)`` for each import of the module ``name``, the module made absolute;
    ``name`` is None for a plain ``import module``."""
    here = name.split(".") if is_package else name.split(".")[:-1]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, None
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = here[:len(here) - node.level + 1]
                source = ".".join([*base, *([node.module] if node.module else [])])
            else:
                source = node.module
            for alias in node.names:
                yield source, alias.name


def import_graph(root, package):
    """``{module: {modules it imports}}`` for the package in ``root``, read with ``ast``."""
    modules = modules_of(root, package)

    def known(dotted):
        """``dotted`` or its longest prefix that is a module of the package, else None."""
        parts = dotted.split(".")
        while parts:
            candidate = ".".join(parts)
            if candidate in modules:
                return candidate
            parts.pop()
        return None

    graph = {}
    for name, (path, is_package) in modules.items():
        targets = set()
        for source, imported in imported_names(ast.parse(path.read_text()), name, is_package):
            if source != package and not source.startswith(package + "."):
                continue
            submodule = f"{source}.{imported}" if imported else None
            target = submodule if submodule in modules else known(source)
            if target and target != name:
                targets.add(target)
        graph[name] = targets
    return graph


def strongly_connected(graph):
    """The strongly connected components of more than one module (Tarjan, without recursion)."""
    index, low, on_stack, stack, components = {}, {}, set(), [], []
    for start in sorted(graph):
        if start in index:
            continue
        work = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, successors = work[-1]
            for successor in successors:
                if successor not in index:
                    index[successor] = low[successor] = len(index)
                    stack.append(successor)
                    on_stack.add(successor)
                    work.append((successor, iter(sorted(graph[successor]))))
                    break
                if successor in on_stack:
                    low[node] = min(low[node], index[successor])
            else:
                work.pop()
                if work:
                    parent = work[-1][0]
                    low[parent] = min(low[parent], low[node])
                if low[node] == index[node]:
                    component = set()
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.add(member)
                        if member == node:
                            break
                    if len(component) > 1:
                        components.append(component)
    return components


def cycle_through(graph, component):
    """A shortest path from the component's first module back to itself, inside the component."""
    start = min(component)
    came_from = {}
    queue = deque([start])
    while queue:
        node = queue.popleft()
        for successor in sorted(graph[node] & component):
            if successor == start:
                path = [node]
                while path[-1] != start:
                    path.append(came_from[path[-1]])
                return [*reversed(path), start]
            if successor not in came_from:
                came_from[successor] = node
                queue.append(successor)
    raise AssertionError(f"{sorted(component)} is not a cycle")


def describe_cycles(graph, package):
    """One line per cycle: its modules and one path around it, names relative to ``package``."""

    def short(name):
        return name.removeprefix(package + ".")

    return [
        f"{len(component)} modules {sorted(map(short, component))}: "
        + " -> ".join(map(short, cycle_through(graph, component)))
        for component in sorted(strongly_connected(graph), key=min)
    ]


def test_the_package_has_no_import_cycles():
    root = Path(borgerraadgiver_plugin.__file__).parent
    cycles = describe_cycles(import_graph(root, PACKAGE), PACKAGE)
    assert not cycles, "Import cycles (pages -> pipelines -> records):\n" + "\n".join(cycles)


def write_package(root, files):
    for relative, text in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)


def test_a_cycle_through_a_function_level_import_is_found(tmp_path):
    write_package(tmp_path / "shop", {
        "__init__.py": "",
        "models/__init__.py": "from .order import Order\nfrom .pages import ShopPage\n",
        "models/order.py": "class Order: pass\n",
        "models/pages.py": "def serve():\n    from .. import views\n",
        "views.py": "from .models import Order\n",
        "migrations/0001_initial.py": "from shop import views\n",
    })
    graph = import_graph(tmp_path / "shop", "shop")

    assert "shop.migrations.0001_initial" not in graph
    assert describe_cycles(graph, "shop") == [
        "3 modules ['models', 'models.pages', 'views']: models -> models.pages -> views -> models",
    ]


def test_importing_a_record_submodule_is_no_edge_to_its_package(tmp_path):
    write_package(tmp_path / "shop", {
        "__init__.py": "",
        "models/__init__.py": "from .order import Order\nfrom .pages import ShopPage\n",
        "models/order.py": "class Order: pass\n",
        "models/pages.py": "from .. import views\n",
        "views.py": "from .models.order import Order\nimport shop.models.order\n",
    })
    graph = import_graph(tmp_path / "shop", "shop")

    assert graph["shop.views"] == {"shop.models.order"}
    assert graph["shop.models.pages"] == {"shop.views"}
    assert describe_cycles(graph, "shop") == []
