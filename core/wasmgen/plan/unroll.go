package plan

import (
	"github.com/multilingualprogramming/multilingual/core/ast"
	"github.com/multilingualprogramming/multilingual/core/check"
)

// Unrolling (the unroll pass). The inner loop of a chunk (interrupt.go's
// chunkedLoop: at most ChunkIterations turns between two interruption
// checks) of a small innermost loop over a list (`for x in lst`) or of a
// counting while loop (whilerange.go) is emitted with its turn written
// twice, each copy behind the same exit test, so that one backward jump
// serves two turns. The turns are the same, in the same order, each
// tested as before: only the jumps between them change.
//
// Such loops are a few instructions a turn, and their speed depended on
// where Cranelift happened to place them (it aligns no loop header): the
// list walk measured 1.24-1.58 ms over five placements, 1.11-1.33 ms
// unrolled twice (four times: 1.14-1.34). Range loops are left as they
// are: the nested-loop kernel went from 10.75 ms to 10.8-11.5 unrolled
// twice and 11.7-12.4 four times (RATIONALE.md, unroll).

// unrollNodes is the largest body, in syntax nodes, that is unrolled.
const unrollNodes = 48

// Unroll returns how many times the chunked inner loop of the loop s
// writes its turn: 2 for an innermost loop over a list or while loop with
// a light body (LightLoop) of at most unrollNodes nodes, else 1.
func (rg *Func) Unroll(s ast.Stmt) int {
	if f, ok := s.(*ast.For); ok {
		if t, typed := rg.Info.Types[f.Iter]; !typed || t.Kind != check.List {
			return 1 // a range loop
		}
	}
	li := rg.LoopOf(s)
	if !rg.Passes.Has(PassUnroll) || !li.Innermost || !rg.LightLoop(s) {
		return 1
	}
	nodes := 0
	ast.InspectStmts(li.Body, func(ast.Node) bool {
		nodes++
		return true
	})
	if nodes > unrollNodes {
		return 1
	}
	return 2
}
