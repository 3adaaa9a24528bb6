package check

import (
	"strings"
	"testing"
)

// Module-level names a compiled function reads: the constants inlined,
// with their values, and the names that keep the function Python-only.
func TestModuleConsts(t *testing.T) {
	compiled := []struct {
		src  string
		want Const
	}{
		{"N = 10\ndef f(x: int) -> int:\n    return x + N\n", Const{Type: TInt, Int: 10}},
		{"const N = -9223372036854775808\ndef f(x: int) -> int:\n    return x + N\n", Const{Type: TInt, Int: -1 << 63}},
		{"let N = 2.5\ndef f(x: float) -> float:\n    return x * N\n", Const{Type: TFloat, Float: 2.5}},
		{"N = -0.5\ndef f(x: float) -> float:\n    return x * N\n", Const{Type: TFloat, Float: -0.5}},
		{"N: int = 7\ndef f(x: int) -> int:\n    return x + N\n", Const{Type: TInt, Int: 7}},
		{"N = True\ndef f(x: int) -> bool:\n    return N\n", Const{Type: TBool, Int: 1}},
		{"N = 'ab'\ndef f(x: int) -> int:\n    return len(N) + x\n", Const{Type: TStr, Str: "ab"}},
		// a class body's N is the class's, a function's N its own
		{"N = 1\nclass C:\n    N = 2\ndef g() -> None:\n    N = 3\ndef f(x: int) -> int:\n    return x + N\n", Const{Type: TInt, Int: 1}},
	}
	for _, tt := range compiled {
		info, errs := checkSrc(t, "en", tt.src)
		if errs != "no errors" {
			t.Fatalf("%q: %s", tt.src, errs)
		}
		fn := info.FuncByName["f"]
		if !fn.Compilable {
			t.Errorf("%q: not compilable: %s", tt.src, fn.Reason)
			continue
		}
		if len(info.Consts) != 1 {
			t.Errorf("%q: %d constants read, want 1", tt.src, len(info.Consts))
		}
		for id, k := range info.Consts {
			if id.Name != "N" || !k.Type.Equal(tt.want.Type) || k.Int != tt.want.Int || k.Float != tt.want.Float || k.Str != tt.want.Str {
				t.Errorf("%q: %s = %+v, want %+v", tt.src, id.Name, *k, tt.want)
			}
		}
	}
	pythonOnly := []struct{ src, reason string }{
		{"N = 10\ndef f(x: int) -> int:\n    return x + N\nN = 20\n", "line 3: reads the global variable 'N', bound more than once, which runs only in Python"},
		{"def f(x: int) -> int:\n    return x + N\nN = 20\n", "line 2: reads the global variable 'N', assigned after the function, which runs only in Python"},
		{"N = 1\ndef g() -> None:\n    global N\n    N = 2\ndef f(x: int) -> int:\n    return x + N\n", "bound more than once"},
		{"N = 1\ndel N\ndef f(x: int) -> int:\n    return x + N\n", "bound more than once"},
		{"N = 1\nfrom m import N\ndef f(x: int) -> int:\n    return x + N\n", "bound more than once"},
		{"N = 1\nN += 1\ndef f(x: int) -> int:\n    return x + N\n", "bound more than once"},
		{"for N in range(3):\n    pass\ndef f(x: int) -> int:\n    return x + N\n", "line 4: reads the global variable 'N' (bound by a for loop on line 1), which"},
		{"import sys\nif sys:\n    N = 1\ndef f(x: int) -> int:\n    return x + N\n", "'N', assigned inside a block,"},
		{"N = 2 * 3\ndef f(x: int) -> int:\n    return x + N\n", "'N', assigned a value that is not a literal,"},
		{"N = abs(3)\ndef f(x: int) -> int:\n    return x + N\n", "'N', assigned a value that is not a literal,"},
		{"N = [1]\ndef f(x: int) -> int:\n    return x + N[0]\n", "'N', assigned a value that is not a literal,"},
		{"N = None\ndef f(x: int) -> int:\n    return x + N\n", "'N', assigned a value that is not a literal,"},
		{"N = M = 1\ndef f(x: int) -> int:\n    return x + N\n", "reads the global variable 'N', which"},
		{"N = 99999999999999999999\ndef f(x: int) -> int:\n    return x + N\n", "not a literal"},
		{"from m import *\nN = 1\ndef f(x: int) -> int:\n    return x + N\n", "reads the global variable 'N', which"},
		{"N = 1.5\ndef f(x: int) -> int:\n    return x + N\n", "line 3: returns a float but the function is annotated -> int"},
	}
	for _, tt := range pythonOnly {
		info, errs := checkSrc(t, "en", tt.src)
		if errs != "no errors" {
			t.Fatalf("%q: %s", tt.src, errs)
		}
		fn := info.FuncByName["f"]
		if fn.Compilable || fn.Internal || !strings.Contains(fn.Reason, tt.reason) {
			t.Errorf("%q: compilable=%v reason %q, want %q", tt.src, fn.Compilable, fn.Reason, tt.reason)
		}
	}
}
