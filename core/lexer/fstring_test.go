package lexer

import (
	"fmt"
	"strings"
	"testing"

	"github.com/multilingualprogramming/multilingual/core/lang"
	"github.com/multilingualprogramming/multilingual/core/source"
)

func TestStringErrors(t *testing.T) {
	checkErrors(t, []errorTest{
		{"en", `b'aé\xff'`, []string{"1:4: bytes can only contain ASCII literal characters"}, ""},
		{"fr", `b'é'`, []string{"1:3: un littéral bytes ne peut contenir que des caractères ASCII"}, ""},
		{"en", `x = '\N{EM DASH}!\N{latin small letter e with acute}'`, nil, `NAME(x) = STRING("—!é") NEWLINE`},
		{"en", `x = '\N{NO SUCH THING}!'`, []string{`1:6: unknown Unicode character name 'NO SUCH THING' in \N{...}`}, `NAME(x) = STRING("!") NEWLINE`},
		{"en", `'\N' '\N{abc'`, []string{`1:2: invalid escape sequence '\N'`, `1:7: invalid escape sequence '\N{abc'`}, ""},
		{"en", `'\U00110000' '\u12'`, []string{`1:2: invalid escape sequence '\U00110000'`, `1:15: invalid escape sequence '\u12'`}, ""},
		{"en", "x = rb'''abc\ndef", []string{"1:5: unterminated string"}, ""},
		{"en", "x = f'abc\ny", []string{"1:5: unterminated string"}, `NAME(x) = FSTRING("abc") NEWLINE NAME(y) NEWLINE`},
		{"en", "f'''a{x}\n", []string{"1:1: unterminated string"}, ""},
		{"en", "x = r'a\\", []string{"1:5: unterminated string"}, ""},
	})
}

func TestFStringErrors(t *testing.T) {
	checkErrors(t, []errorTest{
		{"en", `f"{}"`, []string{"1:4: f-string: valid expression required before '}'"}, "FSTRING() NEWLINE"},
		{"en", `f"a{ }b"`, []string{"1:6: f-string: valid expression required before '}'"}, `FSTRING("ab") NEWLINE`},
		{"en", `f"{ !r}" f"{=}" f"{:x}"`, []string{"1:5: f-string: valid expression required before '!'", "1:13: f-string: valid expression required before '='", "1:20: f-string: valid expression required before ':'"}, ""},
		{"en", "f'{ # c\n}'", []string{"2:1: f-string: valid expression required before '}'"}, ""},
		{"en", `f"}" f"{x}}"`, []string{"1:3: f-string: single '}' is not allowed", "1:11: f-string: single '}' is not allowed"}, `FSTRING("}") FSTRING({"x"} "}") NEWLINE`},
		{"en", `f"{x:{y}}}"`, []string{"1:10: f-string: single '}' is not allowed"}, ""},
		{"en", `f"{x" + y`, []string{"1:5: f-string: expecting '}'"}, "FSTRING() + NAME(y) NEWLINE"},
		{"en", `f"a{x:abc" + y`, []string{"1:10: f-string: expecting '}'"}, `FSTRING("a") + NAME(y) NEWLINE`},
		{"en", `f"{x:{{}" + y`, []string{"1:9: f-string: expecting '}'"}, ""},
		{"en", `f"""{x"""`, []string{"1:7: f-string: expecting '}'"}, "FSTRING() NEWLINE"},
		{"en", "f'{\"abc}'\ny", []string{"1:4: unterminated string"}, "FSTRING() NEWLINE NAME(y) NEWLINE"},
		// A one-line f-string whose field never closes ends with its line.
		{"en", "f\"a{x\ny = 1\n", []string{"1:4: f-string: expecting '}'"}, "FSTRING() NEWLINE NAME(y) = INT(1) NEWLINE"},
		{"en", "f\"{x\n}\ny = 1\n", []string{"1:1: unterminated string", "2:1: unmatched '}'"}, "FSTRING() NEWLINE NAME(y) = INT(1) NEWLINE"},
		{"en", "f'''{x:\n", []string{"1:5: f-string: expecting '}'"}, ""},
		{"en", "f'{x:a\n'", []string{"1:7: f-string: newlines are not allowed in format specifiers for single quoted f-strings", "2:1: unterminated string"}, ""},
		{"en", "f'{x:\n}'", []string{"1:6: f-string: newlines are not allowed in format specifiers", "2:1: unmatched '}'", "2:2: unterminated string"}, ""},
		{"en", `f"{x!}" f"{x!z}" f"{x!rr}"`, []string{"1:6: f-string: missing conversion character", "1:14: f-string: invalid conversion character 'z': expected 's', 'r', or 'a'", "1:23: f-string: invalid conversion character 'rr'"}, "FSTRING() FSTRING() FSTRING() NEWLINE"},
		{"en", `f"{x! r}" f"{x!r=}" f"{x=y}"`, []string{"1:6: f-string: conversion type must come right after the exclamation mark", "1:17: f-string: expecting ':' or '}'", "1:26: f-string: expecting '!', or ':', or '}'"}, "FSTRING() FSTRING() FSTRING() NEWLINE"},
		{"en", `f"{x!r" + y`, []string{"1:7: f-string: expecting '}'"}, "FSTRING() + NAME(y) NEWLINE"},
		{"en", `f"{x=" + y`, []string{"1:6: f-string: expecting '}'"}, "FSTRING() + NAME(y) NEWLINE"},
		{"en", `f"{x!" + y`, []string{"1:6: f-string: expecting '}'"}, "FSTRING() + NAME(y) NEWLINE"},
		{"en", "f\"\"\"{x!r", []string{"1:5: f-string: expecting '}'"}, ""},
		{"en", `f"{x:{y:{z:{w}}}}"`, []string{"1:12: f-string: expressions nested too deeply"}, ""},
		{"en", `f"\N{DASH}{x}"`, []string{`1:3: unknown Unicode character name 'DASH' in \N{...}`}, `FSTRING({"x"}) NEWLINE`},
		{"en", `f"\x4{x}"`, []string{`1:3: invalid escape sequence '\x4'`}, `FSTRING({"x"}) NEWLINE`},
		{"fr", `f"{x!q}"`, []string{"1:6: f-string : caractère de conversion 'q' invalide"}, ""},
		// Errors inside a field's expression are left to ScanExpr.
		{"en", `f"{$ + '\x4'}"`, nil, `FSTRING({"$ + '\\x4'"}) NEWLINE`},
		{"en", `f"{f'{}'}"`, nil, `FSTRING({"f'{}'"}) NEWLINE`},
	})
}

func TestFStringParts(t *testing.T) {
	tests := []struct{ src, want string }{
		{`f"{x}"`, `{"x"}`},
		{`f""`, ``},
		{`f"{x!r}{y!s}{z!a}"`, `{"x" !r} {"y" !s} {"z" !a}`},
		{`f"{x = !r:>10}"`, `{"x " debug="x = " !r :">10"}`},
		{`f"{x=:}" f"{x:}" f"{x!r:}"`, `{"x" debug="x=" :} | {"x" :} | {"x" !r :}`},
		{`f"{x=}{ y	=	}"`, `{"x" debug="x="} {" y\t" debug=" y\t=\t"}`},
		// PEP 701: the enclosing quote inside a field, strings holding } : !, nested f-strings.
		{`f"{"a" + 'b'}"`, `{"\"a\" + 'b'"}`},
		{`f"{'}'}{':'}{'!'}{"{"}"`, `{"'}'"} {"':'"} {"'!'"} {"\"{\""}`},
		{`f"{f"{f"{1+1}"}"}"`, `{"f\"{f\"{1+1}\"}\""}`},
		{`f'''{f"""{'a'}"""}'''`, `{"f\"\"\"{'a'}\"\"\""}`},
		{`f"{rb'}' + Rf'{x}'}"`, `{"rb'}' + Rf'{x}'"}`},
		// '!=' is not a conversion, '==' not a debugging '=', ':' only ends the expression at depth 0.
		{`f"{x!=y}{x==y}{a<=b}{a>=b}{x==y=}"`, `{"x!=y"} {"x==y"} {"a<=b"} {"a>=b"} {"x==y" debug="x==y="}`},
		{`f"{x:=3}{(x:=3)}"`, `{"x" :"=3"} {"(x:=3)"}`},
		{`f"{lambda x: 1}"`, `{"lambda x" :" 1"}`},
		{`f"{(lambda x: 1)(2)}"`, `{"(lambda x: 1)(2)"}`},
		{`f"{x[1:2]}{d['k']:{w}}{ {1: 2}[1] }"`, `{"x[1:2]"} {"d['k']" :{"w"}} {" {1: 2}[1] "}`},
		{`f"{x:%H:%M}{x:#{y}#}"`, `{"x" :"%H:%M"} {"x" :"#" {"y"} "#"}`},
		{`f"{x:{y!r:{z}}}{x:{y:{z}}}"`, `{"x" :{"y" !r :{"z"}}} {"x" :{"y" :{"z"}}}`},
		// Doubled braces are literal, except in a format spec, where '{' opens a field.
		{`f"{{{x}}}"`, `"{" {"x"} "}"`},
		{`f"a{{b}}c"`, `"a{b}c"`},
		{`f"{x:a{{b}}c}"`, `{"x" :"a" {"{b}"} "c"}`},
		// Escapes: decoded in literal text and specs, kept in raw f-strings and in expressions.
		{`f"\t{x:\t}\x41\{y}"`, `"\t" {"x" :"\t"} "A\\" {"y"}`},
		{`rf"\{x}\n{y:\d}\\"`, `"\\" {"x"} "\\n" {"y" :"\\d"} "\\\\"`},
		{`Rf"\{{x}}"`, `"\\{x}"`},
		{`f"{'\n'}"`, `{"'\\n'"}`},
		{`f"\""`, `"\""`},
		// Fields may span lines and hold comments.
		{"f'''{x # a } comment\n}'''", `{"x # a } comment\n"}`},
		{"f'{x\n+ y}'", `{"x\n+ y"}`},
		{"f'{x \\\n}'", `{"x \\\n"}`},
		{"f'''a\r\nb{x}'''", `"a\nb" {"x"}`},
		{"f'''{x\r\n=}'''", `{"x\r\n" debug="x\n="}`},
		// Unicode spellings of operators count as the operators they stand for.
		{`f"{x！＝y}{x≠y}{（1：2）}{«a}»}"`, `{"x！＝y"} {"x≠y"} {"（1：2）"} {"«a}»"}`},
		{`f"{*a, *b}{yield}{x if y else z}"`, `{"*a, *b"} {"yield"} {"x if y else z"}`},
	}
	for _, tt := range tests {
		toks, errs := Scan("f.ml", tt.src, nil)
		if len(errs) > 0 {
			t.Errorf("%q: unexpected errors: %v", tt.src, errs)
			continue
		}
		var got []string
		for _, tk := range toks {
			if tk.Kind != FSTRING {
				continue
			}
			var parts []string
			for _, p := range tk.FParts {
				parts = append(parts, p.String())
			}
			got = append(got, strings.Join(parts, " "))
		}
		if g := strings.Join(got, " | "); g != tt.want {
			t.Errorf("%q:\n got %s\nwant %s", tt.src, g, tt.want)
		}
	}
}

func TestFStringPositions(t *testing.T) {
	src := "x = f\"ab{c}d{ e }\"\ny = f'''\n{x}\n  {y:{w}}''' f'{\n z = }'"
	toks, errs := Scan("f.ml", src, nil)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	var got []string
	var visit func(ps []FPart)
	visit = func(ps []FPart) {
		for _, p := range ps {
			if p.IsField() {
				got = append(got, p.At.String()+"="+p.Expr)
				visit(p.Spec)
			}
		}
	}
	for _, tk := range toks {
		if tk.Kind == FSTRING {
			got = append(got, "FSTRING@"+tk.Span.Start.String()+"-"+tk.Span.End.String())
			visit(tk.FParts)
		}
	}
	want := "FSTRING@1:5-1:19 1:10=c 1:14= e  FSTRING@2:5-4:13 3:2=x 4:4=y 4:7=w FSTRING@4:14-5:8 4:17=\n z "
	if g := strings.Join(got, " "); g != want {
		t.Errorf("got  %q\nwant %q", g, want)
	}
}

func TestScanExpr(t *testing.T) {
	tests := []struct {
		code, text string
		at         source.Pos
		want       string
	}{
		{"en", "a +\n  b", source.Pos{Line: 3, Col: 5}, "NAME@3:5-3:6 +@3:7-3:8 NAME@4:3-4:4 EOF@4:4-4:4"},
		{"en", "x", source.Pos{}, "NAME@1:1-1:2 EOF@1:2-1:2"},
		{"en", " x # c\n", source.Pos{Line: 2, Col: 10}, "NAME@2:11-2:12 EOF@3:1-3:1"},
		{"en", "f'{y}'", source.Pos{Line: 1, Col: 4}, "FSTRING@1:4-1:10 EOF@1:10-1:10"},
		{"en", "d[\n1]", source.Pos{Line: 7, Col: 2}, "NAME@7:2-7:3 [@7:3-7:4 INT@8:1-8:2 ]@8:2-8:3 EOF@8:3-8:3"},
	}
	for _, tt := range tests {
		toks, errs := ScanExpr("t.ml", tt.text, mustLang(t, tt.code), tt.at)
		if len(errs) > 0 {
			t.Errorf("%q: %v", tt.text, errs)
		}
		var got []string
		for _, tk := range toks {
			got = append(got, tk.Kind.String()+"@"+tk.Span.Start.String()+"-"+tk.Span.End.String())
		}
		if g := strings.Join(got, " "); g != tt.want {
			t.Errorf("%q:\n got %s\nwant %s", tt.text, g, tt.want)
		}
	}

	dumps := []struct{ code, text, want string }{
		{"fr", "x si y sinon z", "NAME(x) KW(if) NAME(y) KW(else) NAME(z)"},
		{"fr", "a pas dans b", "NAME(a) KW(not in) NAME(b)"},
		{"en", "a × b ≤ c", "NAME(a) * NAME(b) <= NAME(c)"},
		{"en", "(a :=\n    1)", "( NAME(a) := INT(1) )"},
		{"en", "f'{y!r}' + b'x' + 2j", `FSTRING({"y" !r}) + BYTES("x") + IMAG(2)`},
		{"en", "\n\n  x\n", "NAME(x)"},
	}
	for _, tt := range dumps {
		toks, errs := ScanExpr("t.ml", tt.text, mustLang(t, tt.code), source.Pos{Line: 1, Col: 1})
		if len(errs) > 0 {
			t.Errorf("%q: %v", tt.text, errs)
		}
		if got := dump(toks); got != tt.want {
			t.Errorf("%q:\n got %s\nwant %s", tt.text, got, tt.want)
		}
	}

	errTests := []struct {
		text string
		at   source.Pos
		want []string
	}{
		{"a $ b", source.Pos{Line: 2, Col: 7}, []string{"2:9: unexpected character '$'"}},
		{"'\\x4'", source.Pos{Line: 1, Col: 4}, []string{`1:5: invalid escape sequence '\x4'`}},
		{"(a", source.Pos{Line: 1, Col: 4}, []string{"1:4: '(' was never closed"}},
		{"a)", source.Pos{Line: 1, Col: 4}, []string{"1:5: unmatched ')'"}},
		{"f'{}'", source.Pos{Line: 3, Col: 3}, []string{"3:6: f-string: valid expression required before '}'"}},
	}
	for _, tt := range errTests {
		_, errs := ScanExpr("t.ml", tt.text, nil, tt.at)
		if len(errs) != len(tt.want) {
			t.Errorf("%q: got %v, want %v", tt.text, errs, tt.want)
			continue
		}
		for i, e := range errs {
			if got := e.Start.String() + ": " + e.Msg; got != tt.want[i] || e.Text != "" || e.File != "t.ml" {
				t.Errorf("%q: error %q (text %q), want %q", tt.text, got, e.Text, tt.want[i])
			}
		}
	}
}

// TestScanExprInFile scans every field of the f-strings of a file with
// ScanExpr and checks that each token's Text is at its Span in the file.
func TestScanExprInFile(t *testing.T) {
	src := "x = f\"{a['k'] + f'{b!r:>{w}}'} and {c\n  .d(e, 'f')=}\"\nif x:\n    y = f'''{\n  z # note\n  }'''\n"
	n := checkFieldsInFile(t, src, nil)
	if n != 5 {
		t.Errorf("%d fields, want 5", n)
	}
}

// checkFieldsInFile scans src and, recursively, every replacement field of
// its f-strings with ScanExpr, checks that every token lies where its Text is
// in src, and returns the number of fields.
func checkFieldsInFile(t *testing.T, src string, l *lang.Language) int {
	t.Helper()
	lines := strings.Split(src, "\n")
	runes := make([][]rune, len(lines))
	for i, s := range lines {
		runes[i] = []rune(s)
	}
	if len(runes[0]) > 0 && runes[0][0] == '\uFEFF' {
		runes[0] = runes[0][1:] // a byte-order mark takes no column
	}
	// at returns the text of src from p on, up to the end of its line, or false.
	at := func(p source.Pos) (string, bool) {
		if p.Line < 1 || int(p.Line) > len(runes) || p.Col < 1 || int(p.Col) > len(runes[p.Line-1])+1 {
			return "", false
		}
		return string(runes[p.Line-1][p.Col-1:]), true
	}
	fields := 0
	var checkToks func(toks []Token, errs source.ErrorList)
	var visit func(ps []FPart)
	visit = func(ps []FPart) {
		for _, p := range ps {
			if !p.IsField() {
				continue
			}
			fields++
			rest, ok := at(p.At)
			first, _, _ := strings.Cut(p.Expr, "\n")
			if !ok || !strings.HasPrefix(rest, first) {
				t.Fatalf("field %q at %v is not in the source %q", p.Expr, p.At, src)
			}
			if p.Debug != "" && !strings.HasPrefix(p.Debug, p.Expr) {
				t.Fatalf("debug text %q does not start with the expression %q", p.Debug, p.Expr)
			}
			checkToks(ScanExpr("f.ml", p.Expr, l, p.At))
			visit(p.Spec)
		}
	}
	checkToks = func(toks []Token, errs source.ErrorList) {
		for _, tk := range toks {
			first, _, _ := strings.Cut(tk.Text, "\n")
			rest, ok := at(tk.Span.Start)
			if !ok || !strings.HasPrefix(rest, first) {
				t.Fatalf("token %v %q at %v is not in the source %q", tk, tk.Text, tk.Span.Start, src)
			}
			if _, ok := at(tk.Span.End); !ok || tk.Span.End.Before(tk.Span.Start) {
				t.Fatalf("token %v ends at %v, outside the source %q", tk, tk.Span.End, src)
			}
			visit(tk.FParts)
		}
		for _, e := range errs {
			if _, ok := at(e.Start); !ok {
				t.Fatalf("error %v outside the source %q", e, src)
			}
			if _, ok := at(e.End); !ok {
				t.Fatalf("error %v ends outside the source %q", e, src)
			}
		}
	}
	checkToks(Scan("f.ml", src, l))
	return fields
}

func TestFStringNestingLimit(t *testing.T) {
	for _, n := range []int{maxFStringDepth, maxFStringDepth + 1, 5000} {
		src := strings.Repeat(`f"{`, n) + "1" + strings.Repeat(`}"`, n)
		toks, errs := Scan("f.ml", src, nil)
		if n <= maxFStringDepth {
			if len(errs) > 0 || toks[0].Kind != FSTRING || toks[1].Kind != NEWLINE {
				t.Errorf("%d nested f-strings: %s %v", n, dump(toks), errs)
			}
			continue
		}
		want := fmt.Sprintf("1:%d: too many nested f-strings", 3*maxFStringDepth+1)
		if len(errs) != 1 || errs[0].Start.String()+": "+errs[0].Msg != want {
			t.Errorf("%d nested f-strings: errors %v, want %s", n, errs, want)
		}
	}
}
