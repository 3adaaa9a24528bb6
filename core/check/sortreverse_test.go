package check

import (
	"strings"
	"testing"
)

// TestSortReverse checks the one keyword argument that compiles:
// reverse= with a bool literal, of sorted(xs) and xs.sort(); any other
// keyword, a value that is not a literal, or reverse= of another call
// keeps the function in Python.
func TestSortReverse(t *testing.T) {
	tests := []struct {
		name, body string
		reverse    string // "true"/"false": compiles, SortReverse records it; else the reason
	}{
		{"sorted, reverse=True", "return sorted(xs, reverse=True)", "true"},
		{"sorted, reverse=False", "return sorted(xs, reverse=False)", "false"},
		{"sort, reverse=True", "xs.sort(reverse=True)\n    return xs", "true"},
		{"a value that is not a literal", "return sorted(xs, reverse=len(xs) > 2)", "passes keyword arguments"},
		{"key=", "return sorted(xs, key=abs)", "passes keyword arguments"},
		{"two keywords", "return sorted(xs, reverse=True, key=abs)", "passes keyword arguments"},
		{"reverse= of another builtin", "return [max(xs, reverse=True)]", "passes keyword arguments"},
		{"reverse= of a function", "return g(xs, reverse=True)", "passes keyword arguments"},
		{"sorted of two arguments", "return sorted(xs, xs, reverse=True)", "passes keyword arguments"},
	}
	for _, tt := range tests {
		src := "def g(xs: list[int], reverse: bool) -> list[int]:\n    return xs\n\n" +
			"def f(xs: list[int]) -> list[int]:\n    " + tt.body + "\n"
		info, errs := checkSrc(t, "en", src)
		if errs != "no errors" {
			t.Fatalf("%s: %s", tt.name, errs)
		}
		fn := info.FuncByName["f"]
		if tt.reverse == "true" || tt.reverse == "false" {
			if !fn.Compilable && !fn.Internal {
				t.Errorf("%s: not compiled: %s", tt.name, fn.Reason)
			}
			found := false
			for _, r := range info.SortReverse {
				found = true
				if (r && tt.reverse != "true") || (!r && tt.reverse != "false") {
					t.Errorf("%s: SortReverse %v, want %s", tt.name, r, tt.reverse)
				}
			}
			if !found {
				t.Errorf("%s: no SortReverse recorded", tt.name)
			}
			continue
		}
		if fn.Compilable || fn.Internal || !strings.Contains(fn.Reason, tt.reverse) {
			t.Errorf("%s: compilable=%v reason %q, want %q", tt.name, fn.Compilable, fn.Reason, tt.reverse)
		}
	}
}
