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
	// MaxExprDepth bounds the depth of an expression's tree, chains of
	// left-associative operators, attributes and subscripts included:
	// CPython builds, validates and compiles that tree recursively, within
	// its recursion limit (1000 by default), from whatever depth of the
	// Python stack the first call of the program happens at.
	MaxExprDepth = 500
)

// checkLimits reports the first statement of each block nested beyond
// MaxIndent or MaxBlocks and the first expression of each statement nested
// beyond MaxNesting or MaxExprDepth.
func (c *checker) checkLimits() {
	if c.file == nil {
		return
	}
	c.limitStmts(c.file.Body, 0, 0)
}

// limitStmts checks body, whose statements stand at indentation level
// indent (0 at the top) within blocks nested blocks.
func (c *checker) limitStmts(body []ast.Stmt, indent, blocks int) {
	for _, s := range body {
		if indent > MaxIndent {
			c.errorf(s.Span(), msgTooManyIndents, MaxIndent)
			return
		}
		if blocks > MaxBlocks {
			c.errorf(s.Span(), msgTooManyBlocks, MaxBlocks)
			return
		}
		c.limitStmt(s, indent, blocks)
	}
}

// limitStmt checks one statement and what it contains.
func (c *checker) limitStmt(s ast.Stmt, indent, blocks int) {
	switch s := s.(type) {
	case *ast.FuncDef:
		c.limitExprsOf(s, s.Body)
		c.limitStmts(s.Body, indent+1, 0) // a new code object
	case *ast.ClassDef:
		c.limitExprsOf(s, s.Body)
		c.limitStmts(s.Body, indent+1, 0)
	case *ast.If:
		for {
			c.limitExpr(s.Cond)
			c.limitStmts(s.Body, indent+1, blocks)
			next, ok := elif(s.Else)
			if !ok {
				c.limitStmts(s.Else, indent+1, blocks)
				return
			}
			s = next // written elif: generated at the same indentation
		}
	case *ast.While:
		c.limitExpr(s.Cond)
		c.limitStmts(s.Body, indent+1, blocks+1)
		c.limitStmts(s.Else, indent+1, blocks)
	case *ast.For:
		c.limitExpr(s.Target)
		c.limitExpr(s.Iter)
		c.limitStmts(s.Body, indent+1, blocks+1)
		c.limitStmts(s.Else, indent+1, blocks)
	case *ast.With:
		for _, it := range s.Items {
			c.limitExprsOf(it, nil)
		}
		// `with a, b:` is one block per item.
		c.limitStmts(s.Body, indent+1, blocks+len(s.Items))
	case *ast.Try:
		inner := blocks
		if s.Finally != nil {
			inner++
			c.limitStmts(s.Finally, indent+1, blocks+1)
		}
		c.limitStmts(s.Body, indent+1, inner+1)
		for _, h := range s.Handlers {
			if h == nil {
				continue
			}
			if h.Type != nil {
				c.limitExpr(h.Type)
			}
			// A handler is a block, and its cleanup another (CPython 3.11+).
			c.limitStmts(h.Body, indent+1, inner+2)
		}
		c.limitStmts(s.Else, indent+1, inner)
	case *ast.Match:
		c.limitExpr(s.Subject)
		for _, mc := range s.Cases {
			if mc == nil {
				continue
			}
			c.limitExprsOf(mc, mc.Body)
			c.limitStmts(mc.Body, indent+2, blocks)
		}
	default:
		c.limitExprsOf(s, nil)
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
// are not statements of body).
func (c *checker) limitExprsOf(n ast.Node, body []ast.Stmt) {
	skip := make(map[ast.Node]bool, len(body))
	for _, s := range body {
		skip[s] = true
	}
	for _, ch := range children(n) {
		if !skip[ch] {
			c.limitExpr(ch)
		}
	}
}

// limitExpr checks the tree of expression e (any node outside statement
// bodies: an expression, a parameter, a pattern).
func (c *checker) limitExpr(e ast.Node) {
	if e == nil {
		return
	}
	c.limitTree(e, 0, 0)
}

// limitTree checks n, at nesting nest and depth depth of its expression
// tree, and reports (once) the node that goes beyond a limit. It returns
// false once it reported.
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
