"""Imports of every form."""

import os
import os.path
import collections.abc as cabc
import json, sys as system
from collections import OrderedDict, defaultdict as dd
from itertools import (
    chain,
    count as counting,
    islice,
)
from os.path import *
from . import sibling
from .. import parent
from .helpers import tool as helper_tool
from ...deep.package import thing
from .pkg.sub import (alpha, beta)


def where():
    return os.getcwd(), os.path.sep, system.platform


def merged(*iterables):
    return list(chain(*iterables))


def first_n(n):
    return list(islice(counting(), n))


def tree():
    return dd(tree)


ordered = OrderedDict(a=1, b=2)
print(isinstance(ordered, cabc.Mapping), json.dumps(ordered))
print(where(), merged([1], [2]), first_n(3), join("a", "b"))
print(sibling, parent, helper_tool, thing, alpha, beta, tree())
