package wasmgen

import (
	"math"

	"github.com/multilingualprogramming/multilingual/core/ast"
)

// controlFile is a program exercising control flow, logic and builtins,
// shared by the execution tests and BenchmarkGenerate.
func controlFile() *ast.File {
	return file("en",
		// count and last element of range(a, b, c), computed by the loop
		fn("rcount", []string{"a", "int", "b", "int", "c", "int"}, "int",
			assign("n", num(0)),
			forRange("i", args(id("a"), id("b"), id("c")), aug("n", "+", num(1))),
			ret(id("n"))),
		fn("rlast", []string{"a", "int", "b", "int", "c", "int"}, "int",
			assign("i", num(-12345)),
			forRange("i", args(id("a"), id("b"), id("c")), &ast.Pass{Pos: sp()}),
			ret(id("i"))),
		fn("rstep5", []string{"a", "int", "b", "int"}, "int",
			assign("n", num(0)),
			forRange("i", args(id("a"), id("b"), num(5)), aug("n", "+", num(1))),
			ret(id("n"))),
		fn("rdown", []string{"a", "int", "b", "int"}, "int",
			assign("n", num(0)),
			forRange("i", args(id("a"), id("b"), neg(num(1))), aug("n", "+", num(1))),
			ret(id("n"))),
		// assigning the loop variable does not change the iteration
		fn("rassign", []string{"n", "int"}, "int",
			assign("s", num(0)),
			forRange("i", args(id("n")), aug("s", "+", id("i")), assign("i", num(100))),
			ret(id("s"))),
		// while with break and continue: sum of odd numbers below n, stopping at 50
		fn("wsum", []string{"n", "int"}, "int",
			assign("s", num(0)), assign("i", num(0)),
			while(cmp(id("i"), "<", id("n")),
				aug("i", "+", num(1)),
				ifs(cmp(bin(id("i"), "%", num(2)), "==", num(0)), stmts(cont()), nil),
				ifs(cmp(id("i"), ">", num(50)), stmts(brk()), nil),
				aug("s", "+", id("i"))),
			ret(id("s"))),
		// for with break/continue
		fn("fsum", []string{"n", "int"}, "int",
			assign("s", num(0)),
			forRange("i", args(id("n")),
				ifs(cmp(bin(id("i"), "%", num(3)), "==", num(0)), stmts(cont()), nil),
				ifs(cmp(id("i"), ">", num(20)), stmts(brk()), nil),
				aug("s", "+", id("i"))),
			ret(id("s"))),
		fn("fib", []string{"n", "int"}, "int",
			ifs(cmp(id("n"), "<", num(2)), stmts(ret(id("n"))), nil),
			ret(bin(call("fib", bin(id("n"), "-", num(1))), "+", call("fib", bin(id("n"), "-", num(2)))))),
		fn("sign", []string{"x", "float"}, "int",
			ifs(cmp(id("x"), ">", flt(0)), stmts(ret(num(1))),
				stmts(&ast.If{Pos: sp(), Elif: true, Cond: cmp(id("x"), "<", flt(0)), Body: stmts(ret(neg(num(1)))),
					Else: stmts(ret(num(0)))}))),
		fn("between", []string{"a", "int", "b", "int", "c", "int"}, "bool",
			ret(cmp(id("a"), "<", id("b"), "<=", id("c")))),
		fn("land", []string{"a", "int", "b", "int"}, "int", ret(and(id("a"), id("b")))),
		fn("lor", []string{"a", "int", "b", "int"}, "int", ret(or(id("a"), id("b")))),
		// short circuit: the right operand would divide by zero
		fn("guard", []string{"a", "int"}, "bool",
			ret(and(cmp(id("a"), "!=", num(0)), cmp(bin(num(10), "//", id("a")), ">", num(1))))),
		fn("lnot", []string{"a", "int"}, "bool", ret(not(id("a")))),
		fn("boolsum", []string{"a", "bool", "b", "bool"}, "int", ret(bin(id("a"), "+", id("b")))),
		fn("boolmax", []string{"a", "bool", "b", "bool"}, "bool", ret(call("max", id("a"), id("b")))),
		fn("imin3", []string{"a", "int", "b", "int", "c", "int"}, "int", ret(call("min", id("a"), id("b"), id("c")))),
		fn("check", []string{"a", "int"}, "int", assert(cmp(id("a"), ">", num(0))), ret(id("a"))),
		fn("falloff", []string{"a", "int"}, "int", ifs(cmp(id("a"), ">", num(0)), stmts(ret(id("a"))), nil)),
		fn("bare", []string{"a", "int"}, "int", ifs(cmp(id("a"), ">", num(0)), stmts(ret(nil)), nil), ret(id("a"))),
		fn("noresult", []string{"a", "int"}, "None", ifs(cmp(id("a"), ">", num(0)), stmts(ret(nil)), nil)),
		fn("callnone", []string{"a", "int"}, "int", exprStmt(call("noresult", id("a"))), ret(id("a"))),
		fn("dead", []string{"a", "int"}, "int", ret(id("a")), assign("a", num(5)), ret(id("a"))),
		fn("folded", []string{}, "int", ret(bin(bin(num(6), "*", num(7)), "+", bin(num(-7), "//", num(2))))),
		fn("notfolded", []string{}, "int", ret(bin(num(math.MaxInt64), "+", num(1)))),
	)
}
