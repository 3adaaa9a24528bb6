package wasmbin

import (
	"testing"
	"unicode/utf8"
)

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

func TestWATStringUTF8(t *testing.T) {
	tests := []struct{ in, want string }{
		{"ab", `"ab"`},
		{"é漢😀\ufffd", `"é漢😀` + "\ufffd" + `"`},
		{"a\"\\\x00\x7f", `"a\22\5c\00\7f"`},
		{"\x80\xff\xc3", `"\80\ff\c3"`},   // bytes of no sequence (a table)
		{"\xed\xa0\x80é", `"\ed\a0\80é"`}, // a surrogate, as strings hold it
	}
	for _, tt := range tests {
		got := watString(tt.in)
		if got != tt.want || !utf8.ValidString(got) {
			t.Errorf("watString(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
}
