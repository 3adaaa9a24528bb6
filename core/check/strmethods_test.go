package check

import (
	"strings"
	"testing"
)

// TestStrMethodCalls checks which str method calls compile (strMethod):
// the forms of each method the runtime has, with their result types;
// extra arguments (start and end positions, replace's count) and
// arguments of other types stay in Python, with the reason.
func TestStrMethodCalls(t *testing.T) {
	tests := []struct {
		name, body string
		result     string // the function's result type when it compiles, else ""
		why        string // the reason it stays in Python
	}{
		{"find", "return s.find('é')", "int", ""},
		{"count", "return s.count(s[1:])", "int", ""},
		{"replace", "return s.replace('a', 'b').upper()", "str", ""},
		{"find in a loop", "n = 0\n    for w in s.split():\n        n += w.find('x')\n    return n", "int", ""},
		{"find from a position", "return s.find('a', 2)", "", "this call of str.find() runs only in Python"},
		{"count of an int", "return s.count(3)", "", "this call of str.count() runs only in Python"},
		{"replace with a count", "return s.replace('a', 'b', 1)", "", "this call of str.replace() runs only in Python"},
		{"replace by an int", "return s.replace('a', 1)", "", "this call of str.replace() runs only in Python"},
		{"index", "return s.index('a')", "", "runs only in Python"},
	}
	for _, tt := range tests {
		result := tt.result
		if result == "" {
			result = "int"
			if strings.Contains(tt.body, "replace") {
				result = "str"
			}
		}
		src := "def f(s: str) -> " + result + ":\n    " + tt.body + "\n"
		info, errs := checkSrc(t, "en", src)
		if errs != "no errors" {
			t.Fatalf("%s: %s", tt.name, errs)
		}
		fn := info.FuncByName["f"]
		if tt.result != "" {
			if !fn.Compilable && !fn.Internal { // Internal: behind the bridge's wrapper
				t.Errorf("%s: not compiled: %s", tt.name, fn.Reason)
			}
			continue
		}
		if fn.Compilable || fn.Internal || !strings.Contains(fn.Reason, tt.why) {
			t.Errorf("%s: compilable=%v reason %q, want %q", tt.name, fn.Compilable, fn.Reason, tt.why)
		}
	}
}
