package wasmgen

import (
	"github.com/multilingualprogramming/multilingual/core/ast"
)

// Loop versioning. In an innermost loop `for k in range(a, b, c)` with a
// positive step, an access L[k] to a list whose header the loop keeps in
// locals (hoist.go) is in bounds on every iteration when a >= 0 and
// b <= len(L): k runs from a up to at most b - 1, and len(L) cannot change
// in the loop. The generator tests that once before the loop and, when it
// holds, runs a copy of the loop whose accesses L[k] skip the bounds
// check; otherwise it runs the loop as usual, which raises IndexError at
// the same iteration Python would. Only innermost loops are versioned, so
// the code grows by one copy of each such loop at most.

// versioned emits the range loop s (emitLoop generates it; args are the
// range's arguments and the local stop holds its end) in two versions
// when some of its accesses can be proved in bounds, else once.
func (fg *fgen) versioned(s *ast.For, args []ast.Expr, stop uint32, emitLoop func()) {
	lists := fg.provableLists(s, args)
	if len(lists) == 0 {
		emitLoop()
		return
	}
	for i, name := range lists {
		fg.get(stop)
		fg.get(fg.cache[name].len)
		fg.emit(OpI64LeS)
		if i > 0 {
			fg.emit(OpI32And)
		}
	}
	fg.begin(OpIf, BlockEmpty)
	old := fg.proven
	fg.proven = map[string]string{}
	for name, v := range old {
		fg.proven[name] = v
	}
	for _, name := range lists {
		fg.proven[name] = s.Target.Name
	}
	emitLoop()
	fg.proven = old
	fg.emit(OpElse)
	emitLoop()
	fg.end()
}

// provableLists returns the hoisted lists that the innermost range loop s
// indexes by its own variable, when its start is known to be >= 0 and the
// variable is assigned by range loops only.
func (fg *fgen) provableLists(s *ast.For, args []ast.Expr) []string {
	if !fg.g.opt.Optimize || s.Target == nil {
		return nil
	}
	k := s.Target.Name
	if _, ok := fg.facts[k]; !ok {
		return nil
	}
	if len(args) > 1 && !fg.rangeOf(args[0]).nonNeg() {
		return nil
	}
	var lists []string
	seen := map[string]bool{}
	inner := false
	for _, st := range s.Body {
		ast.Inspect(st, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.For, *ast.While:
				inner = true
			case *ast.Index:
				x, okX := n.X.(*ast.Ident)
				i, okI := n.Index.(*ast.Ident)
				if okX && okI && i.Name == k && !seen[x.Name] {
					if _, cached := fg.cache[x.Name]; cached {
						seen[x.Name] = true
						lists = append(lists, x.Name)
					}
				}
			}
			return !inner
		})
	}
	if inner {
		return nil
	}
	return lists
}
