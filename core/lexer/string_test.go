package lexer

import "testing"

func TestStringValues(t *testing.T) {
	tests := []struct{ src, want string }{
		{`"a\"b"`, `a"b`},
		{`'\U0001F600'`, "😀"},
		{`'\0'`, "\x00"},
		{`'\a\b\f\v\r'`, "\a\b\f\v\r"},
		{`«a \» b»`, "a » b"},
		{"「改行\\n」", "改行\n"},
		{"'''x\r\ny'''", "x\ny"},
		{`''`, ""},
		{`“”`, ""},
	}
	for _, tt := range tests {
		toks, errs := Scan("s.ml", tt.src, nil)
		if len(errs) > 0 {
			t.Errorf("%q: %v", tt.src, errs)
			continue
		}
		if tk := toks[0]; tk.Kind != STRING || tk.Value != tt.want || tk.Text != tt.src {
			t.Errorf("%q: got %v value %q text %q, want %q", tt.src, tk.Kind, tk.Value, tk.Text, tt.want)
		}
	}
}

func TestStringSpanAcrossLines(t *testing.T) {
	toks, errs := Scan("s.ml", "x = '''a\nbc'''\ny", nil)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	s := toks[2].Span
	if s.Start.String() != "1:5" || s.End.String() != "2:6" {
		t.Errorf("span %v-%v, want 1:5-2:6", s.Start, s.End)
	}
	if toks[4].Span.Start.Line != 3 {
		t.Errorf("token after the string at line %d, want 3", toks[4].Span.Start.Line)
	}
}
