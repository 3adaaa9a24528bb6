package lexer

import (
	"bytes"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"math/rand"
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
	"f'''{x # a } comment\n}'''", "f'{x\n+ y}'", "f'{x \\\n}'", "f'''a\r\nb{x}'''", "f'''{x\r\n=}'''", "f'''{x\r\n!r:\r\n}'''", "f'''\n{\nx\n=\n}'''",
	`f"{*a, *b}"`, `f"{x if y else z}"`, `f"{x:{y}}}}"`, `F"{x}" `, `fR"{x}\d"`,
}

func TestFStringsAgainstCPython(t *testing.T) {
	python := findPython(12, "python3.13", "python3.12", "python3")
	if python == "" {
		t.Skip("no Python 3.12 or later on PATH")
	}
	var items []cpythonItem
	for _, src := range cpythonFStrings {
		it := newCPythonItem(src)
		if it.Kind != "FSTRING" {
			t.Errorf("%s: scans as %s", src, it.Kind)
			continue
		}
		items = append(items, it)
	}
	for i, r := range compareWithCPython(t, python, items) {
		if r != "" {
			t.Errorf("%s:\n%s", items[i].Src, r)
		}
	}
}

// TestRandomStringsAgainstCPython scans random literals, mostly f-strings
// made of tricky pieces, and checks them against CPython: whatever CPython
// takes as one literal, Scan must take without an error, as one token of the
// same value or structure.
func TestRandomStringsAgainstCPython(t *testing.T) {
	python := findPython(12, "python3.13", "python3.12", "python3")
	if python == "" {
		t.Skip("no Python 3.12 or later on PATH")
	}
	n := 4000
	if testing.Short() {
		n = 500
	}
	rng := rand.New(rand.NewSource(1))
	pick := func(xs ...string) string { return xs[rng.Intn(len(xs))] }
	chars := []string{"{", "}", "!", ":", "=", "x", "1", `\`, "n", " ", "\n", "#", "(", ")", "'", `"`, "a", "r", "s", "f", "N",
		"{{", "}}", `\N{DASH}`, "x=", "!r", ":>", "é", "\t", "[", "]", "<", "\r\n"}
	exprs := []string{"x", "a.b", "d['k']", `d["k"]`, "'}'", `"{"`, "(a:=1)", "a!=b", "a==b", "f'{x}'", `f"{x!r}"`, "x # c\n",
		"[1,\n2]", "{1: 2}", "{x}", "lambda: 1", "(lambda: 1)", "x if y else z", "*a", "yield", `'\n'`, "1.5", "a[1:2]", " x ",
		"\tx\t", "'''a'''", `"""a"""`, "rb'x'", "x\\\n", "a<=b", "a>=b", "f'{x:{y}}'", "x:=1", `f"{'a'}"`}
	var items []cpythonItem
	for k := 0; k < n; k++ {
		q := pick(`'`, `"`, `'''`, `"""`)
		var b strings.Builder
		b.WriteString(pick("", "f", "rf", "b", "rb", "r", "F", "fR", "f", "f") + q)
		if rng.Intn(3) == 0 {
			for j := rng.Intn(8); j >= 0; j-- {
				b.WriteString(pick(chars...))
			}
		} else {
			for j := rng.Intn(3); j >= 0; j-- {
				if rng.Intn(3) == 0 {
					b.WriteString(pick(chars...))
				}
				b.WriteString("{" + pick(exprs...))
				if rng.Intn(3) == 0 {
					b.WriteString(pick("=", " = ", "=\n", "= ", "= # c\n"))
				}
				if rng.Intn(3) == 0 {
					b.WriteString(pick("!r", "!s", "!a", "!r ", "!x", "! r", "!"))
				}
				if rng.Intn(2) == 0 {
					b.WriteString(":" + pick("", ">10", "{w}", "{w}.{p}f", "%H:%M", `\n`, "{{}}", "#{y!r}#", "=", "{w:{z}}", "'", `\N{DASH}`, "}", "a\n"))
				}
				b.WriteString("}")
			}
		}
		b.WriteString(q)
		items = append(items, newCPythonItem(b.String()))
	}
	bad := 0
	for i, r := range compareWithCPython(t, python, items) {
		if r != "" {
			if bad++; bad <= 20 {
				t.Errorf("%q:\n%s", items[i].Src, r)
			}
		}
	}
	if bad > 20 {
		t.Errorf("and %d more", bad-20)
	}
}

// A cpythonItem is a literal with what Scan made of it: Kind is the kind of
// its one token, "CONCAT" for several literals in a row, "MULTI" for other
// tokens, "ERR" when Scan reported an error.
type cpythonItem struct {
	Src, Kind, Val string // Val: the hex of a STRING's or BYTES' value
	Parts          []cpythonPart
	SpecNewline    bool // Scan refused a newline in a format spec
}

// A cpythonPart is an FPart for the comparison script.
type cpythonPart struct {
	Lit, Expr, Debug, Conv string
	HasSpec                bool
	Spec                   []cpythonPart
}

func newCPythonItem(src string) cpythonItem {
	var conv func(ps []FPart) []cpythonPart
	conv = func(ps []FPart) []cpythonPart {
		out := []cpythonPart{}
		for _, p := range ps {
			q := cpythonPart{Lit: p.Lit, Expr: p.Expr, Debug: p.Debug, HasSpec: p.HasSpec, Spec: conv(p.Spec)}
			if p.Conv != 0 {
				q.Conv = string(p.Conv)
			}
			out = append(out, q)
		}
		return out
	}
	toks, errs := Scan("p.ml", src, nil)
	it := cpythonItem{Src: src, Kind: "ERR"}
	switch {
	case len(errs) > 0:
		for _, e := range errs {
			if e.Msg == message("en", msgFSpecNewline) {
				it.SpecNewline = true
			}
		}
	case len(toks) == 3:
		it.Kind = toks[0].Kind.String()
		it.Val = hex.EncodeToString([]byte(toks[0].Value))
		it.Parts = conv(toks[0].FParts)
	default:
		it.Kind = "CONCAT"
		for _, tk := range toks {
			switch tk.Kind {
			case STRING, BYTES, FSTRING, NEWLINE, EOF:
			default:
				it.Kind = "MULTI"
			}
		}
	}
	return it
}

// compareWithCPython returns, for each item, "" when CPython agrees with
// Scan, else what differs. The script puts both sides in one form: literal
// text merged and without empty pieces, a debugging field as its text
// followed by the field (converted with !r unless it says otherwise or has a
// spec), and each expression as the dump of its AST. Where Scan follows
// Python's intent and the CPython at hand may not, the item is not compared:
// backslashes in a raw f-string (3.12 decodes its format specs, gh-137314)
// and in debugging text (decoded up to gh-124363), "!=" in debugging text
// (cut at the '!'), and newlines in the format spec of a one-line f-string
// (taken by 3.12, refused since 3.13.4, gh-129958).
func compareWithCPython(t *testing.T, python string, items []cpythonItem) []string {
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

def parse_expr(text):
    try:
        return ast.dump(ast.parse("(\n" + text + "\n)", mode="eval").body)
    except SyntaxError:
        pass
    try:
        return ast.dump(ast.parse("[\n" + text + "\n]", mode="eval").body.elts[0])  # *a
    except SyntaxError as e:
        return "cannot parse %r: %s" % (text, e)

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
        spec = ours(p["Spec"]) if p["HasSpec"] else None
        items.append(("field", parse_expr(p["Expr"]), conv, spec))
    return norm(items)

def unsure(it):
    src = it["Src"]
    if "r" in src[:2].lower() and "f" in src[:2].lower() and "\\" in src:
        return True
    if it["SpecNewline"]:
        return True
    def debug(parts):
        return any("\\" in p["Debug"] or "!=" in p["Debug"] or debug(p["Spec"]) for p in parts)
    return debug(it["Parts"] or [])

out = []
for it in json.load(sys.stdin):
    try:
        node = ast.parse(it["Src"], mode="eval").body
    except Exception:
        out.append("")  # the parser may refuse what the lexer took
        continue
    if it["Kind"] in ("CONCAT", "MULTI") or unsure(it):
        out.append("")
    elif it["Kind"] == "ERR":
        out.append("CPython takes it, Scan reports an error")
    elif isinstance(node, ast.JoinedStr) or it["Kind"] == "FSTRING":
        want = cpython(node.values) if isinstance(node, ast.JoinedStr) else norm([("lit", node.value)])
        got = ours(it["Parts"])
        out.append("" if got == want else "got  %r\nwant %r" % (got, want))
    elif isinstance(node, ast.Constant) and isinstance(node.value, (str, bytes)):
        v = node.value
        want = ("BYTES", v.hex()) if isinstance(v, bytes) else ("STRING", v.encode("utf-8", "surrogatepass").hex())
        got = (it["Kind"], it["Val"])
        out.append("" if got == want else "got  %r\nwant %r" % (got, want))
    else:
        out.append("")
json.dump(out, sys.stdout)
`
	var res []string
	runPython(t, python, script, items, &res)
	if len(res) != len(items) {
		t.Fatalf("%d results for %d items", len(res), len(items))
	}
	return res
}
