package check

import "github.com/multilingualprogramming/multilingual/core/ast"

// CPython's own limits on the shape of a program. Every program also runs
// as generated Python, which CPython must compile: a program beyond these
// limits is refused here, at the user's line, instead of failing with
// IndentationError, "too many statically nested blocks" or RecursionError
// on its first call.
const (
	// MaxIndent is the deepest nesting of blocks a statement may have: the
	// CPython tokenizer allows 100 indentation levels, the module's own
	// column included.
	MaxIndent = 99
	// MaxBlocks is CPython's limit on statically nested blocks (loops,
	// with, try and exception handlers) within one function (CO_MAXBLOCKS).
	MaxBlocks = 20
	// MaxNesting bounds the expressions nested inside one another that the
	// generated Python writes between brackets (calls, displays, unary
	// operators, the right operand of **, ...): CPython's tokenizer
	// allows 200 nested parentheses, and its parser's stack runs out near
	// there for some of them. The margin covers the brackets the
	// generated code adds around a few forms.
	MaxNesting = 180
	// MaxExprDepth bounds the depth of CPython's tree of the program
	// (statements, elifs and expressions, chains of left-associative
	// operators, attributes and subscripts included):
	// CPython builds, validates and compiles that tree recursively, within
	// its recursion limit (1000 by default), from whatever depth of the
	// Python stack the first call of the program happens at.
	MaxExprDepth = 500
	// MaxElifDepth is the depth in that tree where an elif ladder stops:
	// each elif is an if in the else branch of the one before, and the
	// margin leaves room for the expressions of the last branches.
	MaxElifDepth = MaxExprDepth - 50
)

// checkLimits reports the first statement of each block nested beyond
// MaxIndent or MaxBlocks, the first elif of a ladder longer than CPython's
// tree allows, and the first expression of each statement nested beyond
// MaxNesting or MaxExprDepth.
func (c *checker) checkLimits() {
	if c.file == nil {
		return
	}
	c.limitStmts(c.file.Body, limits{})
}

// limits is where a statement stands: its indentation level (0 at the
// top), the blocks around it in its function, and its depth in the tree
// CPython builds (one more for each enclosing statement and each elif).
type limits struct {
	indent, blocks, depth int
}

// in returns the limits of a statement in a body of the statement at l,
// adding blocks blocks.
func (l limits) in(blocks int) limits {
	return limits{l.indent + 1, l.blocks + blocks, l.depth + 1}
}

// limitStmts checks body, whose statements stand at l.
func (c *checker) limitStmts(body []ast.Stmt, l limits) {
	for _, s := range body {
		if l.indent > MaxIndent {
			c.errorf(s.Span(), msgTooManyIndents, MaxIndent)
			return
		}
		if l.blocks > MaxBlocks {
			c.errorf(s.Span(), msgTooManyBlocks, MaxBlocks)
			return
		}
		c.limitStmt(s, l)
	}
}

// limitStmt checks one statement and what it contains.
func (c *checker) limitStmt(s ast.Stmt, l limits) {
	switch s := s.(type) {
	case *ast.FuncDef:
		c.limitExprsOf(s, s.Body, l.depth)
		c.limitStmts(s.Body, limits{l.indent + 1, 0, l.depth + 1}) // a new code object
	case *ast.ClassDef:
		c.limitExprsOf(s, s.Body, l.depth)
		c.limitStmts(s.Body, limits{l.indent + 1, 0, l.depth + 1})
	case *ast.If:
		for {
			c.limitExpr(s.Cond, l.depth)
			c.limitStmts(s.Body, l.in(0))
			next, ok := elif(s.Else)
			if !ok {
				c.limitStmts(s.Else, l.in(0))
				return
			}
			// A written elif is generated at the same indentation, but
			// it is an If in the else branch of CPython's tree.
			s, l.depth = next, l.depth+1
			if l.depth > MaxElifDepth {
				c.errorf(s.Pos, msgTooManyElifs, MaxElifDepth)
				return
			}
		}
	case *ast.While:
		c.limitExpr(s.Cond, l.depth)
		c.limitStmts(s.Body, l.in(1))
		c.limitStmts(s.Else, l.in(0))
	case *ast.For:
		c.limitExpr(s.Target, l.depth)
		c.limitExpr(s.Iter, l.depth)
		c.limitStmts(s.Body, l.in(1))
		c.limitStmts(s.Else, l.in(0))
	case *ast.With:
		for _, it := range s.Items {
			c.limitExprsOf(it, nil, l.depth)
		}
		// `with a, b:` is one block per item.
		c.limitStmts(s.Body, l.in(len(s.Items)))
	case *ast.Try:
		extra := 0
		if s.Finally != nil {
			extra = 1
			c.limitStmts(s.Finally, l.in(1))
		}
		c.limitStmts(s.Body, l.in(extra+1))
		for _, h := range s.Handlers {
			if h == nil {
				continue
			}
			if h.Type != nil {
				c.limitExpr(h.Type, l.depth+1)
			}
			// A handler is a block, and its cleanup another (CPython 3.11+).
			c.limitStmts(h.Body, l.in(extra+2))
		}
		c.limitStmts(s.Else, l.in(extra))
	case *ast.Match:
		c.limitExpr(s.Subject, l.depth)
		for _, mc := range s.Cases {
			if mc == nil {
				continue
			}
			c.limitExprsOf(mc, mc.Body, l.depth+1)
			c.limitStmts(mc.Body, limits{l.indent + 2, l.blocks, l.depth + 2})
		}
	default:
		c.limitExprsOf(s, nil, l.depth)
	}
}

// elif returns the If that an else branch holds when it was written elif.
func elif(body []ast.Stmt) (*ast.If, bool) {
	if len(body) != 1 {
		return nil, false
	}
	s, ok := body[0].(*ast.If)
	return s, ok && s.Elif
}

// limitExprsOf checks the expressions directly under n (its children that
// are not statements of body), n standing at depth depth.
func (c *checker) limitExprsOf(n ast.Node, body []ast.Stmt, depth int) {
	skip := make(map[ast.Node]bool, len(body))
	for _, s := range body {
		skip[s] = true
	}
	for _, ch := range children(n) {
		if !skip[ch] {
			c.limitExpr(ch, depth)
		}
	}
}

// limitExpr checks the tree of expression e (any node outside statement
// bodies: an expression, a parameter, a pattern) under a statement at
// depth depth.
func (c *checker) limitExpr(e ast.Node, depth int) {
	if e == nil {
		return
	}
	c.limitTree(e, 0, depth+1)
}

// limitTree checks n, at nesting nest and depth depth of CPython's tree,
// and reports (once) the node that goes beyond a limit. It returns false
// once it reported.
func (c *checker) limitTree(n ast.Node, nest, depth int) bool {
	if depth > MaxExprDepth || nest > MaxNesting {
		limit := MaxExprDepth
		if nest > MaxNesting {
			limit = MaxNesting
		}
		c.errorf(n.Span(), msgTooDeepExpr, limit)
		return false
	}
	for _, ch := range children(n) {
		if !c.limitTree(ch, nest+nestStep(n, ch), depth+1) {
			return false
		}
	}
	return true
}

// nestStep is 1 when the generated Python writes child ch of n inside
// brackets of its own (or the parser recurses for it), and 0 for the left
// operand of a left-associative operator, the object of an attribute or a
// subscript and the function of a call: chains that Python reads in a loop.
func nestStep(n, ch ast.Node) int {
	switch n := n.(type) {
	case *ast.Binary:
		if n.Op != ast.OpPow && ch == ast.Node(n.X) {
			return 0
		}
	case *ast.Logic:
		if ch == ast.Node(n.X) {
			return 0
		}
	case *ast.Attribute:
		if ch == ast.Node(n.X) {
			return 0
		}
	case *ast.Index:
		if ch == ast.Node(n.X) {
			return 0
		}
	case *ast.Call:
		if ch == ast.Node(n.Func) {
			return 0
		}
	}
	return 1
}

// children returns the direct children of n, in source order.
func children(n ast.Node) []ast.Node {
	var out []ast.Node
	ast.Inspect(n, func(ch ast.Node) bool {
		if ch == n {
			return true
		}
		out = append(out, ch)
		return false
	})
	return out
}
