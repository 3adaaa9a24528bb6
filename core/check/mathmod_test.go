package check

import (
	"strings"
	"testing"
)

// TestMathModule checks which reads of the math module compile: the
// functions and constants of mathmod.go through a top-level import that
// nothing else binds or changes; anything else keeps the function in
// Python with a reason.
func TestMathModule(t *testing.T) {
	tests := []struct {
		name, src string
		reason    string // "": f compiles
		calls     int    // math calls recorded in f
	}{
		{"every function", "import math\ndef f(x: float, n: int) -> float:\n    return math.sqrt(x) + math.fabs(x) + math.copysign(x, -1.0) + math.floor(x) + math.ceil(n) + math.trunc(x) + math.isnan(x) + math.isinf(x) + math.isfinite(True) + math.pi + math.e + math.tau + math.inf\n", "", 9},
		{"an alias", "import math as m\ndef f(x: float) -> float:\n    return m.sqrt(x)\n", "", 1},
		{"among other imports", "import os, math\ndef f(x: float) -> int:\n    return math.floor(x)\n", "", 1},
		{"from math import", "from math import sqrt, floor as fl, pi, inf\ndef f(x: float) -> float:\n    return sqrt(x) + fl(x) + pi - inf\n", "", 2},
		{"from math import a function that is not compiled", "from math import exp\ndef f(x: float) -> float:\n    return exp(x)\n", "math.exp() runs only in Python", 0},
		{"from math import, bound again", "from math import sqrt\nsqrt = abs\ndef f(x: float) -> float:\n    return sqrt(x)\n", "calls 'sqrt', which is not a top-level function", 0},
		{"from another module", "from cmath import sqrt\ndef f(x: float) -> float:\n    return sqrt(x)\n", "calls 'sqrt', which is not a top-level function", 0},
		{"a function that is not compiled", "import math\ndef f(x: float) -> float:\n    return math.exp(x)\n", "math.exp() runs only in Python", 0},
		{"a constant that is not compiled", "import math\ndef f(x: float) -> float:\n    return x + math.nope\n", "math.nope runs only in Python", 0},
		{"a str argument", "import math\ndef f(s: str) -> float:\n    return math.sqrt(s)\n", "math.sqrt() of a str runs only in Python", 0},
		{"too many arguments", "import math\ndef f(x: float) -> float:\n    return math.sqrt(x, x)\n", "takes 1 arguments but 2 were given", 0},
		{"the module bound again", "import math\nmath = 3\ndef f(x: float) -> float:\n    return math.sqrt(x)\n", "reads the global variable 'math'", 0},
		{"an attribute stored", "import math\nmath.sqrt = abs\ndef f(x: float) -> float:\n    return math.sqrt(x)\n", "reads the global variable 'math'", 0},
		{"an import inside a block", "if True:\n    import math\ndef f(x: float) -> float:\n    return math.sqrt(x)\n", "reads the global variable 'math'", 0},
		{"another module named math", "import numpy as math\ndef f(x: float) -> float:\n    return math.sqrt(x)\n", "reads the global variable 'math'", 0},
		{"a star import", "import math\nfrom m import *\ndef f(x: float) -> float:\n    return math.sqrt(x)\n", "math", 0},
		{"a local named math", "import math\ndef f(x: float) -> float:\n    math = x\n    return math.sqrt(x)\n", "the method call .sqrt() on a float runs only in Python", 0},
	}
	for _, tt := range tests {
		info, errs := checkSrc(t, "en", tt.src)
		if errs != "no errors" {
			t.Errorf("%s: %s", tt.name, errs)
			continue
		}
		fn := info.FuncByName["f"]
		if tt.reason == "" {
			if !fn.Compilable {
				t.Errorf("%s: not compiled: %s", tt.name, fn.Reason)
			}
		} else if fn.Compilable || !strings.Contains(fn.Reason, tt.reason) {
			t.Errorf("%s: compilable=%v reason %q, want %q", tt.name, fn.Compilable, fn.Reason, tt.reason)
		}
		if tt.reason == "" && len(info.MathCalls) != tt.calls {
			t.Errorf("%s: %d math calls recorded, want %d", tt.name, len(info.MathCalls), tt.calls)
		}
	}
}
