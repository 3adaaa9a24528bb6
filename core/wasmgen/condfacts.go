package wasmgen

import (
	"github.com/multilingualprogramming/multilingual/core/ast"
	"github.com/multilingualprogramming/multilingual/core/wasmgen/plan"
)

// Condition facts: plan/condfacts.go has the pass and its proof
// (CondFacts); this file generates a block under them.

// factBlock generates body as block does, with the facts holding until
// the statement that assigns their name (see above), and reports whether
// control can fall off its end.
func (fg *fgen) factBlock(body []ast.Stmt, facts map[string]plan.Interval) bool {
	active := map[string]plan.Interval{}
	for name, r := range facts {
		active[name] = r
	}
	falls := true
	for len(body) > 0 && len(active) > 0 {
		end, expire := len(body), []string(nil)
		for i, s := range body {
			for name := range plan.AssignedNames(s) {
				if _, ok := active[name]; ok {
					expire = append(expire, name)
				}
			}
			if len(expire) > 0 {
				end = i
				if plan.SimpleAssign(s) {
					end = i + 1
				}
				break
			}
		}
		if end > 0 {
			part := body[:end]
			fg.WithFacts(active, func() { falls = fg.block(part) && falls })
			if !falls && fg.g.on(PassDeadCode) {
				return false
			}
		}
		for _, name := range expire {
			delete(active, name)
		}
		body = body[end:]
	}
	if len(body) > 0 {
		falls = fg.block(body) && falls
	}
	return falls
}
