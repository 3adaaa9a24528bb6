//go:build cgo

package difftest

import (
	"fmt"
	"slices"
	"sort"
	"testing"

	"github.com/multilingualprogramming/multilingual/core/ast"
)

// TestLowerShapes checks that LowerProgram keeps producing programs that
// compile and that core/check lowers (the checked function's Decl is a
// rewritten copy of its Source), and that each form the lowering
// rewrites, and each change of an iterated list, appears in some
// compiled program, so that TestLowerDifferential covers them all.
func TestLowerShapes(t *testing.T) {
	const n = 600
	compiled, lowered := 0, 0
	forms := map[string]int{}
	for seed := uint64(1); seed <= n; seed++ {
		p := NewGenerator(seed).LowerProgram()
		_, _, info := checkedEnglish(t, seed, p)
		fn := info.FuncByName["f"]
		if fn == nil || !fn.Compilable {
			if fn != nil && testing.Verbose() {
				t.Logf("seed %d: %s", seed, fn.Reason)
			}
			continue
		}
		compiled++
		if fn.Source != nil && fn.Decl != fn.Source {
			lowered++
		}
		for form := range lowerForms(p.File) {
			forms[form]++
		}
	}
	t.Logf("%d of %d lowering programs compiled, %d lowered", compiled, n, lowered)
	names := make([]string, 0, len(forms))
	for f := range forms {
		names = append(names, f)
	}
	sort.Strings(names)
	for _, f := range names {
		t.Logf("%4d programs: %s", forms[f], f)
	}
	if compiled < n*9/10 || lowered < compiled*19/20 {
		t.Errorf("the generator drifted from the checker's lowering: %d compiled, %d lowered", compiled, lowered)
	}
	for _, f := range lowerFormNames {
		if forms[f] == 0 {
			t.Errorf("no compiled program has %s", f)
		}
	}
}

// TestLowerDifferential is TestDifferential on the forms core/check
// lowers only (LowerProgram): -difftest.n programs from -difftest.seed,
// half of them optimized.
func TestLowerDifferential(t *testing.T) {
	if err := lowerPrintable(); err != nil {
		t.Fatalf("the oracle's printer cannot write the family's programs (tuple targets, for loops over tuples, comprehensions: pyprint.go must print them): %v", err)
	}
	familyDifferential(t, "lowering", (*Generator).LowerProgram)
}

// lowerPrintable returns an error, or a panic turned into one, when
// PrintPython cannot write a few programs of the family in both modes,
// so that a printer without the family's forms fails the test with a
// message instead of crashing the test binary.
func lowerPrintable() (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("PrintPython panicked: %v", r)
		}
	}()
	for seed := uint64(1); seed <= 20; seed++ {
		p := NewGenerator(seed).LowerProgram()
		for _, m := range []PyMode{PyPlain, PyChecked} {
			if _, err := PrintPython(p.File, m); err != nil {
				return err
			}
		}
	}
	return nil
}

// lowerFormNames are the forms TestLowerShapes wants in some compiled
// program (lowerForms names them).
var lowerFormNames = []string{
	"a, b = b, a % b", "a, b = b, a + b", "a rotation of three names", "a name and an element whose index reads it",
	"an element swap", "an element swap of two lists",
	"enumerate(l)", "enumerate(l, K)", "enumerate(l, -K)", "zip of two", "zip of three", "zip(l, l)", "reversed(l)",
	"a list comprehension", "a comprehension of two clauses", "a clause over a range of the first's variable",
	"a clause over enumerate", "a clause over zip", "a comprehension with a condition", "a comprehension variable named as a local",
	"list(l)", "sum()", "sum() of a list comprehension", "n += sum()", "min()", "max()", "any() or all() as a value",
	"if any()", "if not any() or not all()", "elif", "any() or all() of a list comprehension of two clauses",
	"l[i] = reduction", "return of a reduction",
	"an iterated list appended to", "an iterated list popped", "an iterated list's element stored", "an iterated list rebound",
	"a break", "a continue", "a lowered form in a range loop",
	"a tuple unpacked from a call", "a tuple unpacked into an element", "a name unpacked twice",
	"a join of a generator", "an append of a join of a generator",
}

// lowerForms returns the forms of lowerFormNames that the program file
// holds, found in the generator's tree.
func lowerForms(file *ast.File) map[string]bool {
	forms := map[string]bool{}
	builtin := func(e ast.Expr) (string, []ast.Expr) {
		if c, ok := e.(*ast.Call); ok {
			if id, ok := c.Func.(*ast.Ident); ok {
				return id.Name, c.Args
			}
		}
		return "", nil
	}
	locals := map[string]bool{"a": true, "b": true, "x": true, "y": true}
	ast.InspectFile(file, func(n ast.Node) bool {
		if s, ok := n.(*ast.Assign); ok {
			if id, ok := s.Target.(*ast.Ident); ok {
				locals[id.Name] = true
			}
		}
		return true
	})
	comp := func(c *ast.Comp) {
		if c.Kind == ast.ListComp {
			forms["a list comprehension"] = true
		}
		if len(c.Fors) == 2 {
			forms["a comprehension of two clauses"] = true
			if name, _ := builtin(c.Fors[1].Iter); name == "range" {
				forms["a clause over a range of the first's variable"] = true
			}
		}
		for _, f := range c.Fors {
			switch name, _ := builtin(f.Iter); name {
			case "enumerate":
				forms["a clause over enumerate"] = true
			case "zip":
				forms["a clause over zip"] = true
			}
			if len(f.Ifs) > 0 {
				forms["a comprehension with a condition"] = true
			}
			if id, ok := f.Target.(*ast.Ident); ok && locals[id.Name] {
				forms["a comprehension variable named as a local"] = true
			}
		}
	}
	reduction := func(e ast.Expr) string {
		name, args := builtin(e)
		if len(args) != 1 || !slices.Contains([]string{"sum", "min", "max", "any", "all"}, name) {
			return ""
		}
		c, ok := args[0].(*ast.Comp)
		if !ok {
			return ""
		}
		if name == "sum" && c.Kind == ast.ListComp {
			forms["sum() of a list comprehension"] = true
		}
		if (name == "any" || name == "all") && c.Kind == ast.ListComp && len(c.Fors) == 2 {
			forms["any() or all() of a list comprehension of two clauses"] = true
		}
		if name == "sum" || name == "min" || name == "max" {
			forms[name+"()"] = true
		}
		return name
	}
	mutations := func(body []ast.Stmt, iterated []string) {
		ast.InspectStmts(body, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.Break:
				forms["a break"] = true
			case *ast.Continue:
				forms["a continue"] = true
			case *ast.Call:
				if a, ok := n.Func.(*ast.Attribute); ok {
					if id, ok := a.X.(*ast.Ident); ok && slices.Contains(iterated, id.Name) {
						forms[map[string]string{"append": "an iterated list appended to", "pop": "an iterated list popped"}[a.Name.Name]] = true
					}
				}
			case *ast.Assign:
				if ix, ok := n.Target.(*ast.Index); ok {
					if id, ok := ix.X.(*ast.Ident); ok && slices.Contains(iterated, id.Name) {
						forms["an iterated list's element stored"] = true
					}
				}
				if id, ok := n.Target.(*ast.Ident); ok && slices.Contains(iterated, id.Name) {
					forms["an iterated list rebound"] = true
				}
			}
			return true
		})
	}
	ast.InspectFile(file, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.ExprStmt:
			if c, ok := n.X.(*ast.Call); ok {
				if at, ok := c.Func.(*ast.Attribute); ok && at.Name.Name == "append" && len(c.Args) == 1 {
					if name, args := builtin(c.Args[0]); name == "len" && len(args) == 1 {
						if j, ok := args[0].(*ast.Call); ok {
							if jat, ok := j.Func.(*ast.Attribute); ok && jat.Name.Name == "join" {
								forms["an append of a join of a generator"] = true
							}
						}
					}
				}
			}
		case *ast.Call:
			if at, ok := n.Func.(*ast.Attribute); ok && at.Name.Name == "join" && len(n.Args) == 1 {
				if c, ok := n.Args[0].(*ast.Comp); ok && c.Kind == ast.GenExp {
					forms["a join of a generator"] = true
				}
			}
		case *ast.Comp:
			comp(n)
		case *ast.Assign:
			if tg, ok := n.Target.(*ast.Tuple); ok {
				if _, call := n.Value.(*ast.Call); call {
					forms["a tuple unpacked from a call"] = true
					seen := map[string]bool{}
					for _, e := range tg.Elems {
						switch e := e.(type) {
						case *ast.Index:
							forms["a tuple unpacked into an element"] = true
						case *ast.Ident:
							if seen[e.Name] {
								forms["a name unpacked twice"] = true
							}
							seen[e.Name] = true
						}
					}
					return true
				}
				var vals []ast.Expr
				if v, ok := n.Value.(*ast.Tuple); ok {
					vals = v.Elems
				}
				_, elem0 := tg.Elems[0].(*ast.Index)
				_, elem1 := tg.Elems[1].(*ast.Index)
				switch {
				case elem0 && elem1:
					forms["an element swap"] = true
					if lowerText(tg.Elems[0].(*ast.Index).X) != lowerText(tg.Elems[1].(*ast.Index).X) {
						forms["an element swap of two lists"] = true
					}
				case elem1:
					forms["a name and an element whose index reads it"] = true
				case len(tg.Elems) == 3:
					forms["a rotation of three names"] = true
				case len(vals) == 2:
					if b, ok := vals[1].(*ast.Binary); ok && b.Op == ast.OpMod {
						forms["a, b = b, a % b"] = true
					}
					if b, ok := vals[1].(*ast.Binary); ok && b.Op == ast.OpAdd {
						forms["a, b = b, a + b"] = true
					}
				}
			}
			if name, args := builtin(n.Value); name == "list" && len(args) == 1 {
				forms["list(l)"] = true
			}
			if r := reduction(n.Value); r == "any" || r == "all" {
				forms["any() or all() as a value"] = true
			} else if _, elem := n.Target.(*ast.Index); elem && r != "" {
				forms["l[i] = reduction"] = true
			}
		case *ast.AugAssign:
			if reduction(n.Value) == "sum" {
				forms["n += sum()"] = true
			}
		case *ast.Return:
			if reduction(n.Value) != "" {
				forms["return of a reduction"] = true
			}
		case *ast.If:
			if reduction(n.Cond) == "any" {
				forms["if any()"] = true
			}
			if u, ok := n.Cond.(*ast.Unary); ok && u.Op == ast.OpNot && reduction(u.X) != "" {
				forms["if not any() or not all()"] = true
			}
			if len(n.Else) == 1 {
				if e, ok := n.Else[0].(*ast.If); ok {
					cond := e.Cond
					if c, ok := cond.(*ast.Unary); ok {
						cond = c.X
					}
					if reduction(cond) != "" {
						forms["elif"] = true
					}
				}
			}
		case *ast.For:
			name, args := builtin(n.Iter)
			var iterated []string
			for _, a := range args {
				if id, ok := a.(*ast.Ident); ok {
					iterated = append(iterated, id.Name)
				}
			}
			switch name {
			case "enumerate":
				forms["enumerate(l)"] = forms["enumerate(l)"] || len(args) == 1
				if len(args) == 2 {
					forms["enumerate(l, K)"] = true
					if _, neg := args[1].(*ast.Unary); neg {
						forms["enumerate(l, -K)"] = true
					}
				}
			case "zip":
				forms["zip of two"] = forms["zip of two"] || len(args) == 2
				forms["zip of three"] = forms["zip of three"] || len(args) == 3
				if len(iterated) > 1 && slices.Contains(iterated[1:], iterated[0]) || len(iterated) == 3 && iterated[1] == iterated[2] {
					forms["zip(l, l)"] = true
				}
			case "reversed":
				forms["reversed(l)"] = true
			case "range":
				found := false
				ast.InspectStmts(n.Body, func(m ast.Node) bool {
					switch m := m.(type) {
					case *ast.Comp:
						found = true
					case *ast.For:
						nm, _ := builtin(m.Iter)
						found = found || nm == "enumerate" || nm == "zip" || nm == "reversed"
					case *ast.Assign:
						_, tuple := m.Target.(*ast.Tuple)
						found = found || tuple
					}
					return !found
				})
				forms["a lowered form in a range loop"] = forms["a lowered form in a range loop"] || found
				return true
			default:
				return true
			}
			mutations(n.Body, iterated)
		}
		return true
	})
	for f, ok := range forms {
		if !ok || f == "" {
			delete(forms, f)
		}
	}
	return forms
}

// lowerText returns the name an expression is, or "" (the list of an
// element target).
func lowerText(e ast.Expr) string {
	if id, ok := e.(*ast.Ident); ok {
		return id.Name
	}
	return ""
}
