package difftest

import (
	"encoding/hex"
	"math"
	"os/exec"
	"strconv"
	"strings"
	"testing"

	"github.com/multilingualprogramming/multilingual/core/ast"
)

// evalPy runs python3 on a script that prints one line per value, and
// returns the lines.
func evalPy(t *testing.T, script string) []string {
	t.Helper()
	py, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 not on PATH")
	}
	cmd := exec.Command(py, "-")
	cmd.Stdin = strings.NewReader(script)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("python3: %v\n%s\n--- script ---\n%s", err, out, script)
	}
	return strings.Split(strings.TrimRight(string(out), "\n"), "\n")
}

// exprPy prints e alone (as the value of a return) in mode m.
func exprPy(t *testing.T, e ast.Expr, m PyMode) string {
	t.Helper()
	f := &ast.File{Body: []ast.Stmt{&ast.Return{Value: e}}}
	s, err := PrintPython(f, m)
	if err != nil {
		t.Fatal(err)
	}
	return strings.TrimSpace(strings.TrimPrefix(s, "return "))
}

func bin(x ast.Expr, op ast.BinaryOp, y ast.Expr) ast.Expr { return &ast.Binary{X: x, Op: op, Y: y} }

// The tree decides grouping, whatever the operators' precedence and
// associativity: CPython computes each tree's own value.
func TestPrintPythonGroupsAsTheTree(t *testing.T) {
	a, b, c := intLit(7), intLit(2), intLit(3)
	cases := []struct {
		e    ast.Expr
		want string
	}{
		{bin(bin(a, ast.OpFloorDiv, b), ast.OpMul, c), "9"},
		{bin(a, ast.OpFloorDiv, bin(b, ast.OpMul, c)), "1"},
		{bin(bin(a, ast.OpSub, b), ast.OpSub, c), "2"},
		{bin(a, ast.OpSub, bin(b, ast.OpSub, c)), "8"},
		{bin(bin(b, ast.OpPow, c), ast.OpPow, b), "64"},
		{bin(b, ast.OpPow, bin(c, ast.OpPow, b)), "512"},
		{bin(&ast.Unary{Op: ast.OpNeg, X: b}, ast.OpPow, b), "4"},
		{&ast.Unary{Op: ast.OpNeg, X: bin(b, ast.OpPow, b)}, "-4"},
		{&ast.Unary{Op: ast.OpNot, X: &ast.Compare{Operands: []ast.Expr{a, &ast.ListLit{Elems: []ast.Expr{b}}}, Ops: []ast.CmpOp{ast.CmpIn}}}, "True"},
		{&ast.Compare{Operands: []ast.Expr{b, c, a}, Ops: []ast.CmpOp{ast.CmpLt, ast.CmpLt}}, "True"},
		{&ast.Compare{Operands: []ast.Expr{&ast.Compare{Operands: []ast.Expr{c, b}, Ops: []ast.CmpOp{ast.CmpLt}}, a},
			Ops: []ast.CmpOp{ast.CmpLt}}, "True"},
		{bin(bin(a, ast.OpBitOr, b), ast.OpBitAnd, c), "3"},
		{&ast.Logic{X: &ast.Logic{X: &ast.BoolLit{}, Op: ast.OpAnd, Y: &ast.BoolLit{}}, Op: ast.OpOr, Y: &ast.BoolLit{Value: true}}, "True"},
		{intLit(math.MinInt64), "-9223372036854775808"},
	}
	var script strings.Builder
	for _, c := range cases {
		script.WriteString("print(" + exprPy(t, c.e, PyPlain) + ")\n")
	}
	got := evalPy(t, script.String())
	for i, c := range cases {
		if got[i] != c.want {
			t.Errorf("%s = %s, want %s", exprPy(t, c.e, PyPlain), got[i], c.want)
		}
	}
}

// Every str and float literal reads back in CPython as the exact value.
func TestPrintPythonLiterals(t *testing.T) {
	strs := append(append([]string(nil), strEdges...), "\u0300\u200b\ufeff", "\"\\'", "\x1b[0m")
	var script strings.Builder
	for _, s := range strs {
		script.WriteString("print(" + exprPy(t, &ast.StrLit{Value: s}, PyPlain) + ".encode('utf-8').hex())\n")
	}
	floats := []float64{0, math.Copysign(0, -1), 1, -1.5, 0.1, 1e308, 5e-324, -5e-324, 1e16, 9007199254740993,
		math.MaxFloat64, -math.MaxFloat64, math.Inf(1), math.Inf(-1), math.NaN(), 1.0 / 3}
	for _, f := range floats {
		script.WriteString("import struct; v = " + exprPy(t, &ast.FloatLit{Value: f}, PyPlain) +
			"; print(type(v).__name__, struct.unpack('<Q', struct.pack('<d', v))[0])\n")
	}
	got := evalPy(t, script.String())
	for i, s := range strs {
		if got[i] != hex.EncodeToString([]byte(s)) {
			t.Errorf("%q printed as %s reads back as %s", s, exprPy(t, &ast.StrLit{Value: s}, PyPlain), got[i])
		}
	}
	for i, f := range floats {
		want := "float " + strconv.FormatUint(math.Float64bits(f), 10)
		if math.IsNaN(f) {
			if !strings.HasPrefix(got[len(strs)+i], "float ") {
				t.Errorf("nan reads back as %s", got[len(strs)+i])
			}
			continue
		}
		if got[len(strs)+i] != want {
			t.Errorf("%v printed as %s reads back as %s", f, exprPy(t, &ast.FloatLit{Value: f}, PyPlain), got[len(strs)+i])
		}
	}
}

// The checking variant computes what the plain one computes and records
// the events of pycheck.py.
func TestPrintPythonChecked(t *testing.T) {
	big := intLit(math.MaxInt64)
	cases := []struct {
		e      ast.Expr
		events string
	}{
		{bin(big, ast.OpAdd, intLit(1)), "['wide']"},
		{bin(bin(big, ast.OpAdd, intLit(1)), ast.OpSub, intLit(1)), "['wide']"},
		{bin(big, ast.OpSub, intLit(1)), "[]"},
		{call("sum", &ast.ListLit{Elems: []ast.Expr{big, intLit(1), intLit(-1)}}), "['wide']"},
		{bin(intLit(1<<53+1), ast.OpDiv, intLit(1)), "['bigdiv']"},
		{bin(intLit(1<<53), ast.OpDiv, intLit(3)), "[]"},
		{bin(intLit(2), ast.OpPow, &ast.Unary{Op: ast.OpNeg, X: intLit(1)}), "['negexp']"},
		{bin(&ast.Unary{Op: ast.OpNeg, X: &ast.FloatLit{Value: 8}}, ast.OpPow, &ast.FloatLit{Value: 0.5}), "['complex']"},
		{bin(&ast.Unary{Op: ast.OpNeg, X: &ast.FloatLit{Value: 8}}, ast.OpPow, &ast.FloatLit{Value: 2}), "[]"},
		{&ast.Compare{Operands: []ast.Expr{call("float", &ast.StrLit{Value: "nan"}), &ast.ListLit{Elems: []ast.Expr{
			call("float", &ast.StrLit{Value: "nan"})}}}, Ops: []ast.CmpOp{ast.CmpNotIn}}, "['nanin']"},
		{bin(call("int", &ast.FloatLit{Value: 1e19}), ast.OpMul, intLit(0)), "['wide']"},
		{bin(intLit(1), ast.OpLShift, intLit(63)), "['wide']"},
		{bin(intLit(1), ast.OpLShift, intLit(62)), "[]"},
		{call("int", &ast.StrLit{Value: " -42 "}), "[]"},
		{call("int", &ast.StrLit{Value: "\u0663"}), "['inttext']"},
		{call("int", &ast.StrLit{Value: "9223372036854775808"}), "['inttext', 'wide']"},
		{call("int", &ast.FloatLit{Value: 2.5}), "[]"},
		{&ast.Call{Func: &ast.Attribute{X: &ast.StrLit{Value: "ab"}, Name: ident("upper")}}, "[]"},
		{&ast.Call{Func: &ast.Attribute{X: &ast.StrLit{Value: "ß"}, Name: ident("upper")}}, "['case']"},
		{&ast.Call{Func: &ast.Attribute{X: &ast.StrLit{Value: "Éé日"}, Name: ident("lower")}}, "[]"},
		{&ast.Call{Func: &ast.Attribute{X: &ast.StrLit{Value: "Σ"}, Name: ident("lower")}}, "['case']"},
	}
	var script strings.Builder
	script.WriteString(CheckPrelude)
	for _, c := range cases {
		plain, checked := exprPy(t, c.e, PyPlain), exprPy(t, c.e, PyChecked)
		script.WriteString("_ev.clear(); v = " + checked + "; assert repr(v) == repr(" + plain + "), (v, " +
			strconv.Quote(plain) + "); print(sorted(_ev))\n")
	}
	got := evalPy(t, script.String())
	for i, c := range cases {
		if got[i] != c.events {
			t.Errorf("%s records %s, want %s", exprPy(t, c.e, PyPlain), got[i], c.events)
		}
	}
}

// An augmented assignment records its result; the generator's programs
// print to code that CPython compiles.
func TestPrintPythonPrograms(t *testing.T) {
	f := &ast.File{Body: []ast.Stmt{&ast.FuncDef{Name: ident("f"),
		Params: []*ast.Param{{Name: ident("a"), Type: &ast.TypeExpr{Name: ident("int")}},
			{Name: ident("l"), Type: &ast.TypeExpr{Name: ident("list"), Args: []*ast.TypeExpr{{Name: ident("int")}}}}},
		Result: &ast.TypeExpr{Name: ident("int")},
		Body: []ast.Stmt{
			&ast.AugAssign{Target: ident("a"), Op: ast.OpMul, Value: intLit(1 << 62)},
			&ast.AugAssign{Target: ident("a"), Op: ast.OpFloorDiv, Value: intLit(1 << 62)},
			&ast.Return{Value: bin(ident("a"), ast.OpAdd, call("len", ident("l")))},
		}}}}
	checked, err := PrintPython(f, PyChecked)
	if err != nil {
		t.Fatal(err)
	}
	got := evalPy(t, CheckPrelude+checked+"print(f(4, [1]), sorted(_ev))\n")
	if got[0] != "5 ['wide']" {
		t.Errorf("f(4, [1]) = %s, want 5 ['wide']\n%s", got[0], checked)
	}
	var script strings.Builder
	for seed := range uint64(60) {
		p := NewGenerator(seed).Program()
		for _, m := range []PyMode{PyPlain, PyChecked} {
			src, err := PrintPython(p.File, m)
			if err != nil {
				t.Fatalf("seed %d: %v", seed, err)
			}
			script.WriteString("compile(" + strconv.Quote(src) + ", 'seed" + strconv.FormatUint(seed, 10) + "', 'exec')\n")
		}
	}
	script.WriteString("print('ok')\n")
	if got := evalPy(t, script.String()); got[0] != "ok" {
		t.Errorf("got %v", got)
	}
}

// An augmented assignment to an element records the new element too
// (elemsgen.go's `L[i] *= 3`), and raises where the plain program does.
func TestPrintPythonElementAugAssign(t *testing.T) {
	el := func() *ast.Index { return &ast.Index{X: ident("l"), Index: intLit(0)} }
	f := &ast.File{Body: []ast.Stmt{&ast.FuncDef{Name: ident("f"),
		Params: []*ast.Param{{Name: ident("l"), Type: &ast.TypeExpr{Name: ident("list"), Args: []*ast.TypeExpr{{Name: ident("int")}}}}},
		Result: &ast.TypeExpr{Name: ident("int")},
		Body: []ast.Stmt{
			&ast.AugAssign{Target: el(), Op: ast.OpMul, Value: intLit(1 << 62)},
			&ast.AugAssign{Target: el(), Op: ast.OpFloorDiv, Value: intLit(1 << 62)},
			&ast.Return{Value: bin(el(), ast.OpAdd, call("len", ident("l")))},
		}}}}
	checked, err := PrintPython(f, PyChecked)
	if err != nil {
		t.Fatal(err)
	}
	plain, err := PrintPython(f, PyPlain)
	if err != nil {
		t.Fatal(err)
	}
	script := CheckPrelude + checked + "print(f([3]), sorted(_ev))\n" +
		"try:\n    f([])\nexcept IndexError:\n    print('IndexError')\n" +
		"exec(" + strconv.Quote(plain) + ", g := {})\nprint(g['f']([3]))\n"
	got := evalPy(t, script)
	if len(got) != 3 || got[0] != "4 ['wide']" || got[1] != "IndexError" || got[2] != "4" {
		t.Errorf("got %q, want 4 ['wide'], IndexError, 4\n%s", got, checked)
	}
}

// A node the printer does not know is an error, not a guess.
func TestPrintPythonUnknownNode(t *testing.T) {
	f := &ast.File{Body: []ast.Stmt{&ast.Global{Names: []*ast.Ident{ident("a")}}}}
	if _, err := PrintPython(f, PyPlain); err == nil {
		t.Error("a global statement printed without error")
	}
	f = &ast.File{Body: []ast.Stmt{&ast.Return{Value: &ast.Binary{X: intLit(1), Op: 99, Y: intLit(2)}}}}
	if _, err := PrintPython(f, PyPlain); err == nil {
		t.Error("an unknown operator printed without error")
	}
}
