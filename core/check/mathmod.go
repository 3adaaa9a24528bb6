package check

import (
	"math"

	"github.com/multilingualprogramming/multilingual/core/ast"
)

// The math module in compiled code. `import math` at the top of the
// module, then math.sqrt(x), math.floor(x), math.pi, ... (or `from math
// import sqrt, pi`, then sqrt(x) and pi): the functions
// whose result WebAssembly gives exactly as CPython's (IEEE operations,
// correctly rounded, no libm) compile; the others (exp, log, sin, hypot,
// ...) keep the function in Python. The name must be the math module
// wherever the function reads it:
//
//   - its only binding in the module is one top-level `import math` (or
//     `import math as m`), not inside a block, and no module-level star
//     import may rebind it;
//   - no statement of the program stores or deletes an attribute of that
//     name (`math.sqrt = f`);
//   - the function reads it as a global (no local of that name).
//
// Like the builtins, the module is taken as Python's: a change to the
// math module made from outside the program (another module assigning
// math.sqrt) is not seen by compiled code.

// mathFuncs are the functions of math that compile, with their arity.
var mathFuncs = map[string]int{
	"sqrt": 1, "fabs": 1, "floor": 1, "ceil": 1, "trunc": 1,
	"copysign": 2, "isnan": 1, "isinf": 1, "isfinite": 1,
}

// mathConsts are the constants of math that compile.
var mathConsts = map[string]float64{
	"pi": math.Pi, "e": math.E, "tau": 2 * math.Pi, "inf": math.Inf(1), "nan": math.NaN(),
}

// onlyImport returns the top-level import statement that is the
// module's only binding of id, read in a function as a global, when no
// star import may rebind it; nil otherwise.
func (c *checker) onlyImport(id *ast.Ident) ast.Stmt {
	if id == nil || c.kinds[id] != kindGlobal || c.star.Start.IsValid() {
		return nil
	}
	bs := c.modBinds[id.Name]
	if len(bs) != 1 || bs[0].how != howImport {
		return nil
	}
	imp, ok := bs[0].node.(ast.Stmt)
	if !ok || !contains(c.file.Body, imp) {
		return nil
	}
	return imp
}

// mathModule reports whether id, read in a function, is the math module
// (see above).
func (c *checker) mathModule(id *ast.Ident) bool {
	imp, ok := c.onlyImport(id).(*ast.Import)
	if !ok {
		return false
	}
	for _, a := range imp.Names {
		if a != nil && a.Dotted() == "math" {
			if bound := importedAs(a); bound != nil && bound.Name == id.Name {
				return !c.attrStored(id.Name)
			}
		}
	}
	return false
}

// mathImported returns the name in the math module of the function or
// constant that id, read in a function, names when the module's only
// binding of id is one top-level `from math import name` (or `... as
// id`) and no star import may rebind it.
func (c *checker) mathImported(id *ast.Ident) (string, bool) {
	imp, ok := c.onlyImport(id).(*ast.ImportFrom)
	if !ok || imp.Level != 0 || len(imp.Module) != 1 || imp.Module[0] == nil || imp.Module[0].Name != "math" {
		return "", false
	}
	for _, a := range imp.Names {
		if a != nil && len(a.Path) == 1 && a.Path[0] != nil && importedAs(a).Name == id.Name {
			return a.Path[0].Name, true
		}
	}
	return "", false
}

// attrStored reports whether a statement of the program assigns or
// deletes an attribute of the name: `name.x = v`, `name.x += v`, `del
// name.x`, a for loop, comprehension or with statement binding `name.x`
// (any attribute of the name inside such a target counts). The names are
// found in one walk of the program, at the first question.
func (c *checker) attrStored(name string) bool {
	if c.attrStores == nil {
		c.attrStores = map[string]bool{}
		mark := func(e ast.Expr) {
			ast.Inspect(e, func(n ast.Node) bool {
				if at, ok := n.(*ast.Attribute); ok {
					if id, ok := at.X.(*ast.Ident); ok {
						c.attrStores[id.Name] = true
					}
				}
				return true
			})
		}
		ast.InspectFile(c.file, func(n ast.Node) bool {
			switch s := n.(type) {
			case *ast.Assign:
				mark(s.Target)
				for _, t := range s.Chain {
					mark(t)
				}
			case *ast.AugAssign:
				mark(s.Target)
			case *ast.AnnAssign:
				mark(s.Target)
			case *ast.Delete:
				for _, t := range s.Targets {
					mark(t)
				}
			case *ast.For:
				mark(s.Target)
			case *ast.With:
				for _, it := range s.Items {
					if it != nil && !isNil(it.Target) {
						mark(it.Target)
					}
				}
			case *ast.CompFor:
				mark(s.Target)
			}
			return true
		})
	}
	return c.attrStores[name]
}

// mathAttr returns the name of the math function or constant at names,
// when at reads one of the module (see above).
func (c *checker) mathAttr(at *ast.Attribute) (string, bool) {
	id, ok := at.X.(*ast.Ident)
	if !ok || at.Name == nil || !c.mathModule(id) {
		return "", false
	}
	return at.Name.Name, true
}

// mathCall types a call math.name(...) of a function of the math module;
// ok is false when e is none.
func (st *fstate) mathCall(e *ast.Call, at *ast.Attribute, args []*Type) (*Type, bool) {
	name, ok := st.c.mathAttr(at)
	if !ok {
		return nil, false
	}
	return st.mathFunc(e, name, args), true
}

// mathNamedCall types a call name(...) of a function imported from the
// math module; ok is false when e is none.
func (st *fstate) mathNamedCall(e *ast.Call, id *ast.Ident, args []*Type) (*Type, bool) {
	name, ok := st.c.mathImported(id)
	if !ok {
		return nil, false
	}
	return st.mathFunc(e, name, args), true
}

// mathFunc types the call e of the math module's function name.
func (st *fstate) mathFunc(e *ast.Call, name string, args []*Type) *Type {
	n, known := mathFuncs[name]
	if !known || len(e.Keywords) > 0 {
		st.pyOnly(spanOf(e.Func), "math.%s() runs only in Python", name)
		return TUnknown
	}
	if len(args) != n {
		st.pyOnly(spanOf(e), "math.%s() takes %d arguments but %d were given (a TypeError in Python)", name, n, len(args))
		return TUnknown
	}
	for i, t := range args {
		if t.Kind == Unknown {
			return TUnknown
		}
		if t.Kind != Int && t.Kind != Float && t.Kind != Bool {
			st.pyOnly(spanOf(e.Args[i]), "math.%s() of a %s runs only in Python", name, t)
			return TUnknown
		}
	}
	st.c.info.MathCalls[e] = name
	switch name {
	case "floor", "ceil", "trunc":
		return TInt
	case "isnan", "isinf", "isfinite":
		return TBool
	}
	return TFloat
}

// mathNamedConst returns a name imported from the math module as a
// module constant (Info.Consts), when id reads one of mathConsts.
func (c *checker) mathNamedConst(id *ast.Ident) (*Const, bool) {
	name, ok := c.mathImported(id)
	if !ok {
		return nil, false
	}
	v, known := mathConsts[name]
	if !known {
		return nil, false
	}
	return &Const{Type: TFloat, Float: v}, true
}

// mathConst types a read of a constant of the math module; ok is false
// when at is none.
func (st *fstate) mathConst(at *ast.Attribute) (*Type, bool) {
	name, ok := st.c.mathAttr(at)
	if !ok {
		return nil, false
	}
	v, known := mathConsts[name]
	if !known {
		st.pyOnly(spanOf(at), "math.%s runs only in Python", name)
		return TUnknown, true
	}
	st.c.info.MathConsts[at] = v
	return TFloat, true
}
