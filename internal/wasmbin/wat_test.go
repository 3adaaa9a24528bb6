package wasmbin

import "testing"

func TestWATNames(t *testing.T) {
	tests := map[string]string{"x": "$x", "carré": `$"carré"`, "a.b": "$a.b", "": `$""`, `q"`: `$"q\22"`}
	for in, want := range tests {
		if got := watID(in); got != want {
			t.Errorf("watID(%q) = %s, want %s", in, got, want)
		}
	}
	for f, want := range map[float64]string{1: "1.0", -0.5: "-0.5", 1e300: "1e+300"} {
		if got := watFloat(f); got != want {
			t.Errorf("watFloat(%v) = %s, want %s", f, got, want)
		}
	}
}
