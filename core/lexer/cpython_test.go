package lexer

import (
	"bytes"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os/exec"
	"strings"
	"testing"
)

// findPython returns the first of the given Python commands that runs and
// whose version is at least 3.minor, or "".
func findPython(minor int, names ...string) string {
	for _, name := range names {
		path, err := exec.LookPath(name)
		if err != nil {
			continue
		}
		out, err := exec.Command(path, "-c", fmt.Sprintf("import sys; print(sys.version_info >= (3, %d))", minor)).Output()
		if err == nil && strings.TrimSpace(string(out)) == "True" {
			return path
		}
	}
	return ""
}

// runPython runs script with python, giving it in as JSON on standard input,
// and decodes its JSON output into out.
func runPython(t *testing.T, python, script string, in, out any) {
	t.Helper()
	data, err := json.Marshal(in)
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(python, "-W", "ignore", "-c", script)
	cmd.Stdin = bytes.NewReader(data)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	res, err := cmd.Output()
	if err != nil {
		t.Fatalf("%s: %v\n%s", python, err, stderr.String())
	}
	if err := json.Unmarshal(res, out); err != nil {
		t.Fatalf("%s output: %v\n%s", python, err, res)
	}
}

// cpythonLiterals are str and bytes literals whose decoding by Scan must
// agree with CPython's.
var cpythonLiterals = []string{
	`'a'`, `"b"`, `''`, `""`, `''''''`, `""""""`,
	`'it\'s'`, `"t\tn\n"`, `'\\'`, `'\"'`, `"\'"`, `"a'b"`, `'a"b'`,
	`'\u00e9\x41\101'`, `'\u00E9\x4A\x4a'`, `'\q'`, `'\8'`, `'\9\0'`, `'\0'`, `'\00'`, `'\000'`, `'\0000'`,
	`'\777'`, `'\400'`, `'\1234'`, `'\101\1012'`, `'\x7f\x80\xff'`, `'\U0001F600'`, `"\u1234\U00012345"`,
	`'\a\b\f\v\r'`, `'\»'`, `'\{x}'`, `'\ '`, `'\
x'`, "'a\\\r\nb'",
	"'''a\nb'''", `"""c"d"""`, `"""a""b"""`, `'''it's'''`, "'''\\\nx'''", "'''x\r\ny'''", "'tab\there'",
	`'é'`, `"日本語 «x»"`, `'\\N{DASH}'`,
	`r'\n'`, `R"\d"`, `r'\''`, `r"\""`, "r'a\\\nb'", `r'\\'`, `r"\t\\t"`, `r'\N{DASH}'`, `r'''a\''''`, `R'\u00e9'`,
	`u'x'`, `U'\u00e9'`,
	`b''`, `b'abc'`, `B"\x00\xff\377\777"`, `b'\u00e9'`, `b'\N{DASH}'`, `b'\q'`, `b'\101\400'`, "b'a\\\nb'", `b'\x7f\x80'`,
	`rb'\x00'`, `Rb"\n"`, `bR'\''`, `br'\\'`, `BR"\""`,
	"b'''x\ny'''", `"\t\\t"`,
}

func TestLiteralsAgainstCPython(t *testing.T) {
	python := findPython(0, "python3")
	if python == "" {
		t.Skip("no python3 on PATH")
	}
	const script = `
import ast, json, sys
out = []
for src in json.load(sys.stdin):
    v = ast.literal_eval(src)
    if isinstance(v, bytes):
        out.append(["BYTES", v.hex()])
    else:
        out.append(["STRING", v.encode("utf-8", "surrogatepass").hex()])
json.dump(out, sys.stdout)
`
	var want [][2]string
	runPython(t, python, script, cpythonLiterals, &want)
	for i, src := range cpythonLiterals {
		toks, errs := Scan("p.ml", src, nil)
		if len(errs) > 0 {
			t.Errorf("%s: %v", src, errs)
			continue
		}
		if len(toks) != 3 { // the literal, NEWLINE, EOF
			t.Errorf("%s: tokens %s", src, dump(toks))
			continue
		}
		got := [2]string{toks[0].Kind.String(), hex.EncodeToString([]byte(toks[0].Value))}
		if got != want[i] {
			t.Errorf("%s: got %s %q, CPython %s %s", src, got[0], toks[0].Value, want[i][0], want[i][1])
		}
	}
}

// cpythonFStrings are f-strings whose pieces must agree with CPython's
// JoinedStr (Python 3.12 or later).
var cpythonFStrings = []string{
	`f""`, `f"a"`, `f"{x}"`, `f"a{x}b{y}c"`, `f"{x!r}{y!s}{z!a}"`, `f"{x = !r:>10}"`, `f"{x=:}"`, `f"{x:}"`,
	`f"{x!r:}"`, `f"{x=}{ y	=	}"`, `f"{x=!s}"`, `f"{x=:>{w}}"`,
	`f"{"a" + 'b'}"`, `f"{'}'}{':'}{'!'}{"{"}"`, `f"{f"{f"{1+1}"}"}"`, `f'''{f"""{'a'}"""}'''`, `f"{rb'}' + Rf'{x}'.encode()}"`,
	`f"{x!=y}{x==y}{a<=b}{a>=b}{x==y=}"`, `f"{x:=3}{(x:=3)}"`, `f"{(lambda x: 1)(2)}"`,
	`f"{x[1:2]}{d['k']:{w}}{ {1: 2}[1] }"`, `f"{x:%H:%M}{x:#{y}#}"`, `f"{x:{y!r:{z}}}{x:{y:{z}}}"`,
	`f"{{{x}}}"`, `f"a{{b}}c"`, `f"{x:a{{b}}c}"`, `f"{x:{{}}}"`,
	`f"\t{x:\t}\x41\{y}"`, `rf"\{x}\n\\"`, `Rf"\{{x}}"`, `f"{'\n'}"`, `f"\""`, `fr'\''`, `f"\{{x}}"`,
	"f'''{x # a } comment\n}'''", "f'{x\n+ y}'", "f'{x \\\n}'", "f'''a\r\nb{x}'''", "f'''\n{\nx\n=\n}'''",
	`f"{*a, *b}"`, `f"{x if y else z}"`, `f"{x:{y}}}}"`, `F"{x}" `, `fR"{x}\d"`,
}

func TestFStringsAgainstCPython(t *testing.T) {
	python := findPython(12, "python3.13", "python3.12", "python3")
	if python == "" {
		t.Skip("no Python 3.12 or later on PATH")
	}
	type part struct {
		Lit, Expr, Debug, Conv string
		HasSpec                bool
		Spec                   []part
	}
	var conv func(ps []FPart) []part
	conv = func(ps []FPart) []part {
		out := []part{}
		for _, p := range ps {
			q := part{Lit: p.Lit, Expr: p.Expr, Debug: p.Debug, HasSpec: p.HasSpec, Spec: conv(p.Spec)}
			if p.Conv != 0 {
				q.Conv = string(p.Conv)
			}
			out = append(out, q)
		}
		return out
	}
	type item struct {
		Src   string
		Parts []part
	}
	var items []item
	for _, src := range cpythonFStrings {
		toks, errs := Scan("p.ml", src, nil)
		if len(errs) > 0 {
			t.Errorf("%s: %v", src, errs)
			continue
		}
		if toks[0].Kind != FSTRING || toks[1].Kind != NEWLINE {
			t.Errorf("%s: tokens %s", src, dump(toks))
			continue
		}
		items = append(items, item{src, conv(toks[0].FParts)})
	}
	// The script puts both sides in one form: literal text merged and
	// without empty pieces, a debugging field as its text followed by the
	// field (converted with !r unless it says otherwise or has a spec), and
	// each expression as the dump of its AST.
	const script = `
import ast, json, sys

def norm(items):
    out = []
    for it in items:
        if it[0] == "lit":
            if not it[1]:
                continue
            if out and out[-1][0] == "lit":
                out[-1] = ("lit", out[-1][1] + it[1])
                continue
        out.append(it)
    return out

def cpython(values):
    items = []
    for v in values:
        if isinstance(v, ast.Constant):
            items.append(("lit", v.value))
        else:
            spec = None if v.format_spec is None else cpython(v.format_spec.values)
            items.append(("field", ast.dump(v.value), "" if v.conversion == -1 else chr(v.conversion), spec))
    return norm(items)

def ours(parts):
    items = []
    for p in parts:
        if not p["Expr"]:
            items.append(("lit", p["Lit"]))
            continue
        conv = p["Conv"]
        if p["Debug"]:
            items.append(("lit", p["Debug"]))
            if not conv and not p["HasSpec"]:
                conv = "r"
        expr = ast.parse("(\n" + p["Expr"] + "\n)", mode="eval").body
        spec = ours(p["Spec"]) if p["HasSpec"] else None
        items.append(("field", ast.dump(expr), conv, spec))
    return norm(items)

out = []
for it in json.load(sys.stdin):
    want = cpython(ast.parse(it["Src"], mode="eval").body.values)
    got = ours(it["Parts"])
    out.append("" if got == want else "got  %r\nwant %r" % (got, want))
json.dump(out, sys.stdout)
`
	var res []string
	runPython(t, python, script, items, &res)
	for i, r := range res {
		if r != "" {
			t.Errorf("%s:\n%s", items[i].Src, r)
		}
	}
}
