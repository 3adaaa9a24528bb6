package wasmgen

import (
	"fmt"

	"github.com/multilingualprogramming/multilingual/core/ast"
	"github.com/multilingualprogramming/multilingual/core/check"
	"github.com/multilingualprogramming/multilingual/core/wasmgen/plan"
)

// Non-negative specializations: plan/specialize.go has the hypothesis,
// its proof and the analyses (SpecCandidate, SpecCall, ParamFacts);
// specplan.go checks the hypothesis on intervals; this file adds the
// copies to the module.

// specSuffix ends the name of a specialization in the module.
const specSuffix = ".nonneg"

// planSpecs decides which compiled functions get a specialization: each
// candidate whose hypothesis specHolds proves. The kept copies get
// function indices after the ones already in the module; specFunctions
// fills them in.
func (g *gen) planSpecs(compiled []*check.Func) {
	var kept []*check.Func
	for _, fn := range compiled {
		if plan.SpecCandidate(fn) && g.analyses(fn, false).SpecHolds() == "" {
			kept = append(kept, fn)
		}
	}
	for _, fn := range kept {
		if g.plan.Specs == nil {
			g.plan.Specs = make(map[*check.Func]uint32)
		}
		g.plan.Specs[fn] = uint32(len(g.mod.Funcs))
		g.mod.Funcs = append(g.mod.Funcs, nil) // filled by specFunctions
	}
}

// specFunctions generates the specializations planSpecs kept. Knowing
// more specializations than specHolds did can only narrow intervals, so
// each hypothesis still holds (specRequire checks it as the code is
// generated: a failure is a bug).
func (g *gen) specFunctions(compiled []*check.Func) {
	for _, fn := range compiled {
		if idx, ok := g.plan.Specs[fn]; ok {
			g.mod.Funcs[idx] = g.genFunc(fn, true)
		}
	}
}

// specRequire checks, in a specialization, that the interval of e is >= 0
// (what says which value e is), as specHolds proved before generating it:
// a failure is a bug of the generator, not a reason to drop the copy.
func (fg *fgen) specRequire(e ast.Expr, what string) {
	if fg.plan.Spec && !fg.RangeOf(e).NonNeg() {
		panic(fmt.Sprintf("specialization of %s: %s at %v may be negative, after specHolds proved it was not",
			fg.fn.Name, what, e.Span().Start))
	}
}
