package check

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/multilingualprogramming/multilingual/core/ast"
	"github.com/multilingualprogramming/multilingual/core/lang"
	"github.com/multilingualprogramming/multilingual/core/source"
)

// fstate is the inference state of one function.
type fstate struct {
	c      *checker
	d      *ast.FuncDef // the function as typed: its lowered copy (lower.go), or src
	src    *ast.FuncDef // the function as written, a statement of the module
	fn     *Func
	locals map[string]*Local
	order  []*Local
	calls  []call  // calls to top-level functions, for the Python-only fixpoint
	holes  []*Type // element types of empty list literals (lists.go)
	// tupleCall is the call whose tuple result the statement being typed
	// takes (an unpacking's temporary, or `return f(...)` of a function
	// returning the same tuple): elsewhere a tuple runs only in Python.
	tupleCall *ast.Call
}

// A call is one call site of a top-level function.
type call struct {
	callee *Func
	line   int32
}

// inferAll builds every function's signature, then infers its body.
func (c *checker) inferAll() {
	if c.file == nil {
		return
	}
	var states []*fstate
	for _, d := range c.file.Funcs() {
		if d == nil || d.Name == nil {
			continue
		}
		fn := &Func{Decl: d, Name: d.Name.Name, Compilable: true}
		st := &fstate{c: c, d: d, src: d, fn: fn, locals: make(map[string]*Local)}
		c.signature(st)
		c.info.Funcs = append(c.info.Funcs, fn)
		c.info.FuncByName[fn.Name] = fn
		states = append(states, st)
	}
	for _, st := range states {
		if c.defs[st.fn.Name] > 1 {
			st.pyOnly(st.d.Name.Pos, "function '%s' is defined more than once", st.fn.Name)
		}
		if ReservedExports[st.fn.Name] {
			st.pyOnly(st.d.Name.Pos, "the name '%s' is reserved by the WebAssembly module", st.fn.Name)
		}
		if low := c.lower(st.d); low != st.d {
			st.d, st.fn.Decl, st.fn.Source = low, low, st.src
		}
		if sp, what, found := outsideSubset(st.d); found {
			// the body is not typed: the inference knows only the subset
			st.pyOnly(sp, "%s", what)
			continue
		}
		st.block(st.d.Body, st.paramSet(), 0)
		st.finishLists()
		c.info.Locals[st.d] = st.order
	}
	c.states = states
}

// propagate makes Python-only every function that calls a Python-only one.
func (c *checker) propagate() {
	for changed := true; changed; {
		changed = false
		for _, st := range c.states {
			if !st.fn.Compilable {
				continue
			}
			for _, cl := range st.calls {
				if !cl.callee.Compilable {
					st.fn.Compilable = false
					st.fn.Reason = fmt.Sprintf("line %d: calls '%s', which runs only in Python", cl.line, cl.callee.Name)
					changed = true
					break
				}
			}
		}
	}
}

// pyOnly marks the function Python-only; the first reason is kept.
func (st *fstate) pyOnly(sp source.Span, format string, args ...any) {
	if !st.fn.Compilable {
		return
	}
	st.fn.Compilable = false
	msg := fmt.Sprintf(format, args...)
	if sp.Start.Line > 0 {
		msg = fmt.Sprintf("line %d: %s", sp.Start.Line, msg)
	}
	st.fn.Reason = msg
}

// plain makes Python-only a function that is decorated, async, or has a
// parameter other than a plain positional one: the calls compiled code
// makes and the bridge's calls pass positional arguments only.
func (st *fstate) plain() {
	d := st.d
	if len(d.Decorators) > 0 {
		st.pyOnly(spanOf(d.Decorators[0]), "the function is decorated")
	}
	if d.Async {
		st.pyOnly(d.Pos, "an async function runs only in Python")
	}
	for _, p := range d.Params {
		if isNil(p) || p.Name == nil {
			continue
		}
		name := p.Name.Name
		switch p.Kind {
		case ast.ParamPosOnly:
			st.pyOnly(spanOf(p), "parameter '%s' is positional-only", name)
		case ast.ParamVarArgs:
			st.pyOnly(spanOf(p), "parameter '*%s' collects extra positional arguments", name)
		case ast.ParamKwOnly:
			st.pyOnly(spanOf(p), "parameter '%s' is keyword-only", name)
		case ast.ParamVarKw:
			st.pyOnly(spanOf(p), "parameter '**%s' collects keyword arguments", name)
		}
		if !isNil(p.Default) {
			st.pyOnly(spanOf(p), "parameter '%s' has a default value", name)
		}
	}
}

// signature fills the parameter and result types of st.fn.
func (c *checker) signature(st *fstate) {
	d, fn := st.d, st.fn
	st.plain()
	for _, p := range d.Params {
		if isNil(p) || p.Name == nil {
			continue
		}
		fn.ParamNames = append(fn.ParamNames, p.Name.Name)
		t := TUnknown
		if p.Type == nil {
			st.pyOnly(p.Name.Pos, "parameter '%s' has no type annotation", p.Name.Name)
		} else {
			var why string
			t, why = c.annotation(p.Type)
			switch {
			case why != "":
				st.pyOnly(p.Type.Pos, "%s", why)
			case !compilable(t):
				st.pyOnly(p.Type.Pos, "parameter '%s' has type %s, %s", p.Name.Name, t, notCompiled(t))
			}
		}
		fn.Params = append(fn.Params, t)
		loc := &Local{Name: p.Name.Name, Type: t, Param: true}
		if _, dup := st.locals[loc.Name]; !dup {
			st.locals[loc.Name] = loc
			st.order = append(st.order, loc)
		}
	}
	if d.Result == nil {
		fn.Result = TUnknown
		st.pyOnly(d.Name.Pos, "function '%s' has no return type annotation", fn.Name)
		return
	}
	var why string
	if tt, ok := c.tupleResult(d.Result); ok {
		fn.Result = tt
		return
	}
	fn.Result, why = c.annotation(d.Result)
	switch {
	case why != "":
		st.pyOnly(d.Result.Pos, "%s", why)
	case !compilable(fn.Result) && fn.Result.Kind != None:
		st.pyOnly(d.Result.Pos, "the result has type %s, %s", fn.Result, notCompiled(fn.Result))
	}
}

// notCompiled explains why values of type t stay in Python.
func notCompiled(t *Type) string {
	switch t.Kind {
	case List:
		return "and lists of such elements are not compiled"
	case None:
		return "and None values are not compiled"
	}
	return "which is not compiled"
}

// scalar reports whether t is int, float or bool: the compiled value types.
func scalar(t *Type) bool {
	return t != nil && (t.Kind == Int || t.Kind == Float || t.Kind == Bool)
}

// annotation maps a written type to a Type. An annotation that is not a
// type the compiler knows (a name of the program or of a module, a
// union, a string, dict[str, int], ...) is TUnknown, with the reason.
func (c *checker) annotation(t *ast.TypeExpr) (*Type, string) {
	if isNil(t) {
		return TUnknown, ""
	}
	unknown := func() (*Type, string) {
		return TUnknown, fmt.Sprintf("annotation '%s' is not a type the compiler knows", c.typeText(t))
	}
	if t.Name == nil {
		return unknown()
	}
	name := t.Name.Name
	if k, ok := c.lang.Keyword(name); (ok && k == lang.None) || name == "None" {
		return TNone, ""
	}
	canon, ok := c.lang.TypeName(name)
	if !ok {
		return unknown()
	}
	switch canon {
	case "int":
		return TInt, ""
	case "float":
		return TFloat, ""
	case "bool":
		return TBool, ""
	case "str":
		return TStr, ""
	case "list":
		if len(t.Args) == 1 {
			elem, why := c.annotation(t.Args[0])
			return ListOf(elem), why
		}
		return ListOf(TUnknown), ""
	}
	return unknown()
}

// tupleResult maps a function's result annotation tuple[A, B, ...] of two
// or more int, float or bool to a Tuple type (ok), the only place a tuple
// compiles: a compiled function returns its values, which the bridge
// gives Python as a tuple.
func (c *checker) tupleResult(t *ast.TypeExpr) (*Type, bool) {
	if isNil(t) || t.Name == nil || len(t.Args) < 2 {
		return nil, false
	}
	if canon, ok := c.lang.Builtin(t.Name.Name); !ok || canon != "tuple" {
		if t.Name.Name != "tuple" {
			return nil, false
		}
	}
	out := &Type{Kind: Tuple}
	for _, a := range t.Args {
		et, why := c.annotation(a)
		if why != "" || !scalar(et) {
			return nil, false
		}
		out.Elems = append(out.Elems, et)
	}
	return out, true
}

func (st *fstate) paramSet() set {
	var s set
	for _, n := range st.fn.ParamNames {
		s = s.with(n)
	}
	return s
}

// assign records that name gets a value of type t at sp.
func (st *fstate) assign(id *ast.Ident, t *Type) {
	loc, ok := st.locals[id.Name]
	if !ok {
		loc = &Local{Name: id.Name, Type: t}
		st.locals[id.Name] = loc
		st.order = append(st.order, loc)
		if t.Kind != Unknown && !compilable(t) && !(t.Kind == Tuple && strings.HasPrefix(id.Name, "tuple.")) {
			st.pyOnly(id.Pos, "'%s' holds a %s value, %s", id.Name, t, notCompiled(t))
		}
		return
	}
	if loc.Type.Kind == Unknown {
		if !loc.Param {
			loc.Type = t
		}
		return
	}
	if t.Kind != Unknown && !unify(loc.Type, t) {
		if strings.HasPrefix(id.Name, "sum.") && loc.Type.Kind == Int && t.Kind == Float && !loc.FloatSum {
			// the running total of a sum() of floats (lowerreduce.go)
			loc.Type, loc.FloatSum = t, true
			return
		}
		st.pyOnly(id.Pos, "'%s' is assigned a %s after holding a %s", id.Name, t, loc.Type)
	}
}

// block infers a statement list; in holds the locals certainly assigned on
// entry. It returns the set on exit and whether control can fall through.
func (st *fstate) block(body []ast.Stmt, in set, loops int) (set, bool) {
	cur, falls := in, true
	for _, s := range body {
		// Statements after a return or break are still typed: the generator
		// may emit them when not optimizing.
		out, f := st.stmt(s, cur, loops)
		cur = out
		falls = falls && f
	}
	return cur, falls
}

func (st *fstate) stmt(s ast.Stmt, in set, loops int) (set, bool) {
	switch s := s.(type) {
	case *ast.Assign:
		if call, ok := s.Value.(*ast.Call); ok {
			if n, unpack := st.c.unpacks[call]; unpack {
				return st.unpackTuple(s.Target.(*ast.Ident), call, n, in), true
			}
		}
		t := st.expr(s.Value, in)
		switch tg := s.Target.(type) {
		case *ast.Ident:
			st.assign(tg, t)
			return in.with(tg.Name), true
		case *ast.Index:
			st.setIndex(tg, s.Value, nil, in)
		default:
			st.expr(tg, in)
			st.pyOnly(spanOf(s.Target), "assigning to an attribute runs only in Python")
		}
		return in, true
	case *ast.AugAssign:
		if ix, ok := s.Target.(*ast.Index); ok {
			st.setIndex(ix, s.Value, s, in)
			return in, true
		}
		tg, ok := s.Target.(*ast.Ident)
		if !ok {
			st.expr(s.Target, in)
			st.expr(s.Value, in)
			st.pyOnly(spanOf(s.Target), "assigning to an attribute runs only in Python")
			return in, true
		}
		xt := st.expr(tg, in)
		yt := st.expr(s.Value, in)
		if xt.Kind == List {
			// a list += changes the list in place; not compiled
			st.pyOnly(s.OpPos, "'%s=' on a list runs only in Python", s.Op)
			return in, true
		}
		t := st.arith(s.Op, s.OpPos, xt, yt)
		st.assign(tg, t)
		return in, true
	case *ast.ExprStmt:
		if _, ok := s.X.(*ast.StrLit); ok {
			return in, true // a docstring or a bare string: no effect
		}
		t := st.expr(s.X, in)
		if t.Kind != Unknown && t.Kind != None && !compilable(t) {
			st.pyOnly(spanOf(s.X), "an expression of type %s runs only in Python", t)
		}
		return in, true
	case *ast.If:
		st.cond(s.Cond, in)
		o1, f1 := st.block(s.Body, in.clone(), loops)
		o2, f2 := in, true
		if s.Else != nil {
			o2, f2 = st.block(s.Else, in.clone(), loops)
		}
		switch {
		case f1 && f2:
			return meet(o1, o2), true
		case f1:
			return o1, true
		case f2:
			return o2, true
		}
		return in, false
	case *ast.While:
		st.cond(s.Cond, in)
		st.block(s.Body, in.clone(), loops+1)
		return in, true
	case *ast.For:
		st.forRange(s, in)
		body := in.clone()
		if s.Target != nil {
			body = body.with(s.Var().Name)
		}
		st.block(s.Body, body, loops+1)
		return in, true
	case *ast.Break, *ast.Continue:
		return in, false
	case *ast.Pass:
		return in, true
	case *ast.Raise:
		return in, false // its operands run only in Python (subset.go)
	case *ast.Return:
		st.ret(s, in)
		return in, false
	case *ast.Assert:
		st.cond(s.Cond, in)
		if s.Msg != nil {
			if _, ok := s.Msg.(*ast.StrLit); !ok {
				st.expr(s.Msg, in)
				st.pyOnly(spanOf(s.Msg), "an assert message other than a string literal runs only in Python")
			}
		}
		return in, true
	case *ast.Global:
		st.pyOnly(s.Pos, "'global' runs only in Python")
		return in, true
	case *ast.FuncDef:
		name := "?"
		if s.Name != nil {
			name = s.Name.Name
			st.assign(s.Name, TUnknown)
		}
		st.pyOnly(s.Pos, "the nested function '%s' runs only in Python", name)
		return in.with(name), true
	}
	if s != nil {
		st.pyOnly(spanOf(s), "this statement runs only in Python")
	}
	return in, true
}

// ret checks a return statement against the annotated result.
func (st *fstate) ret(s *ast.Return, in set) {
	want := st.fn.Result
	if s.Value == nil {
		return // None: compiled code traps on it when the result is not None
	}
	if tup, ok := s.Value.(*ast.Tuple); ok && want.Kind == Tuple {
		st.retTuple(s, tup, in)
		return
	}
	if call, ok := s.Value.(*ast.Call); ok && want.Kind == Tuple {
		st.tupleCall = call // `return f(...)`: f's tuple, if it is the same
		defer func() { st.tupleCall = nil }()
	}
	t := st.expr(s.Value, in)
	if t.Kind == Unknown || want.Kind == Unknown {
		return
	}
	if want.Kind == None {
		if t.Kind != None {
			st.pyOnly(s.Pos, "returns a %s but the function is annotated -> None", t)
		}
		return
	}
	if !unify(t, want) {
		st.pyOnly(s.Pos, "returns a %s but the function is annotated -> %s", t, want)
	}
}

// unpackTuple types `t = f(args)`, the first statement of a lowered
// unpacking into n targets (lower.go, unpackCall): compiled when f
// returns a tuple of n values, which t holds; the set of bound names
// after it.
func (st *fstate) unpackTuple(t *ast.Ident, call *ast.Call, n int, in set) set {
	st.tupleCall = call
	rt := st.expr(call, in)
	st.tupleCall = nil
	switch {
	case rt.Kind == Unknown:
	case rt.Kind != Tuple:
		st.pyOnly(spanOf(call), "unpacks a %s into %d targets", rt, n)
		rt = TUnknown
	case len(rt.Elems) != n:
		// a ValueError in CPython
		st.pyOnly(spanOf(call), "unpacks a tuple of %d values into %d targets", len(rt.Elems), n)
		rt = TUnknown
	}
	st.assign(t, rt)
	return in.with(t.Name)
}

// retTuple types `return a, b, ...` of a function returning a tuple: as
// many values as the annotation has, each of its type.
func (st *fstate) retTuple(s *ast.Return, tup *ast.Tuple, in set) {
	want := st.fn.Result
	ok := len(tup.Elems) == len(want.Elems)
	got := &Type{Kind: Tuple}
	for i, e := range tup.Elems {
		if _, starred := e.(*ast.Starred); starred {
			st.pyOnly(s.Pos, "returning a starred value runs only in Python")
			return
		}
		t := st.expr(e, in)
		if t.Kind == Unknown {
			return
		}
		got.Elems = append(got.Elems, t)
		ok = ok && i < len(want.Elems) && unify(t, want.Elems[i])
	}
	if !ok {
		st.pyOnly(s.Pos, "returns a %s but the function is annotated -> %s", got, want)
		return
	}
	st.c.info.Types[tup] = want
}

// forRange accepts only `for name in range(...)` with int arguments.
func (st *fstate) forRange(s *ast.For, in set) {
	call, ok := s.Iter.(*ast.Call)
	var id *ast.Ident
	if ok {
		id, _ = call.Func.(*ast.Ident)
	}
	if id == nil || st.c.kinds[id] != kindBuiltin || st.c.info.Builtins[id] != "range" {
		t := st.expr(s.Iter, in)
		elem := TUnknown
		switch {
		case t.Kind == List:
			elem = st.elemOf(t, spanOf(s.Iter))
		case t.Kind == Str:
			elem = TStr
		case t.Kind != Unknown:
			st.pyOnly(spanOf(s.Iter), "a for loop over a %s runs only in Python", t)
		}
		if s.Target != nil {
			st.assign(s.Var(), elem)
		}
		return
	}
	st.shadowed(id)
	for _, a := range call.Args {
		t := st.expr(a, in)
		if t.Kind != Unknown && t.Kind != Int && t.Kind != Bool {
			st.pyOnly(spanOf(a), "range() of a %s runs only in Python", t)
		}
	}
	if len(call.Args) < 1 || len(call.Args) > 3 {
		st.pyOnly(spanOf(call), "%s() takes from 1 to 3 arguments but %d were given (a TypeError in Python)", id.Name, len(call.Args))
	}
	if s.Target != nil {
		st.assign(s.Var(), TInt)
	}
}

// cond types a condition: any scalar or list has a truth value.
func (st *fstate) cond(e ast.Expr, in set) {
	t := st.expr(e, in)
	if t.Kind != Unknown && !truthy(t) {
		st.pyOnly(spanOf(e), "the truth value of a %s runs only in Python", t)
	}
}

// expr infers the type of e and records it in Info.Types.
func (st *fstate) expr(e ast.Expr, in set) *Type {
	t := st.expr1(e, in)
	if e != nil {
		st.c.info.Types[e] = t
	}
	return t
}

func (st *fstate) expr1(e ast.Expr, in set) *Type {
	c := st.c
	switch e := e.(type) {
	case *ast.IntLit:
		if _, err := strconv.ParseInt(e.Text, 10, 64); err != nil {
			st.pyOnly(e.Pos, "the integer %s does not fit in 64 bits", e.Text)
			return TUnknown
		}
		return TInt
	case *ast.FloatLit:
		return TFloat
	case *ast.BoolLit:
		return TBool
	case *ast.NoneLit:
		return TNone
	case *ast.StrLit:
		return TStr
	case *ast.FString:
		return st.fstring(e, in) // strings.go
	case *ast.ListLit:
		return st.listLit(e, in)
	case *ast.Ident:
		switch c.kinds[e] {
		case kindLocal:
			loc, ok := st.locals[e.Name]
			if !ok {
				st.pyOnly(e.Pos, "'%s' belongs to an enclosing function", e.Name)
				return TUnknown
			}
			if !in.has(e.Name) {
				st.pyOnly(e.Pos, "'%s' might be used before it is assigned", e.Name)
			}
			return loc.Type
		case kindGlobal:
			if k, ok := c.mathNamedConst(e); ok {
				c.info.Consts[e] = k
				return k.Type
			}
			k, why := c.moduleConst(e, st.src)
			if k != nil {
				c.info.Consts[e] = k
				return k.Type
			}
			st.pyOnly(e.Pos, "%s", c.globalRead(e, why))
		case kindFunc:
			st.pyOnly(e.Pos, "uses the function '%s' as a value, which runs only in Python", e.Name)
		case kindBuiltin:
			if !st.shadowed(e) {
				st.pyOnly(e.Pos, "uses the builtin '%s' as a value, which runs only in Python", e.Name)
			}
		case kindUndefined:
			st.undefined(e)
		default:
			st.pyOnly(e.Pos, "'%s' belongs to an enclosing scope", e.Name)
		}
		return TUnknown
	case *ast.Binary:
		xt := st.expr(e.X, in)
		yt := st.expr(e.Y, in)
		return st.arith(e.Op, e.OpPos, xt, yt)
	case *ast.Unary:
		t := st.expr(e.X, in)
		if t.Kind == Unknown {
			return TUnknown
		}
		if e.Op == ast.OpNot && truthy(t) {
			return TBool
		}
		if !scalar(t) {
			st.pyOnly(e.OpPos, "'%s' on a %s runs only in Python", e.Op, t)
			return TUnknown
		}
		switch e.Op {
		case ast.OpNot:
			return TBool
		case ast.OpNeg, ast.OpPos:
			if t.Kind == Bool {
				return TInt
			}
			return t
		case ast.OpInvert:
			if t.Kind == Float {
				st.pyOnly(e.OpPos, "'~' on a float raises TypeError in Python")
				return TUnknown
			}
			return TInt // ~True == -2, as in Python
		}
		st.pyOnly(e.OpPos, "this operator runs only in Python")
		return TUnknown
	case *ast.Logic:
		xt := st.expr(e.X, in)
		yt := st.expr(e.Y, in)
		if xt.Kind == Unknown || yt.Kind == Unknown {
			return TUnknown
		}
		if !(scalar(xt) || isStr(xt)) || !xt.Equal(yt) {
			st.pyOnly(e.OpPos, "'%s' between a %s and a %s runs only in Python", e.Op, xt, yt)
			return TUnknown
		}
		return xt
	case *ast.IfExp:
		return st.ifExp(e, in)
	case *ast.Compare:
		return st.compare(e, in)
	case *ast.Call:
		return st.call(e, in)
	case *ast.Attribute:
		if t, ok := st.mathConst(e); ok {
			return t
		}
		st.expr(e.X, in)
		st.pyOnly(e.Name.Pos, "attributes run only in Python")
		return TUnknown
	case *ast.Index:
		return st.index(e, in)
	}
	st.pyOnly(spanOf(e), "this expression runs only in Python")
	return TUnknown
}

// ifExp types `Body if Cond else Else`: the condition has a truth value
// and both branches have the same scalar or str type, which is the
// result's. Branches of different types (1 if c else 2.0) give a value
// whose type depends on c, which runs only in Python.
func (st *fstate) ifExp(e *ast.IfExp, in set) *Type {
	st.cond(e.Cond, in)
	bt := st.expr(e.Body, in)
	et := st.expr(e.Else, in)
	if bt.Kind == Unknown || et.Kind == Unknown {
		return TUnknown
	}
	if !(scalar(bt) || isStr(bt)) || !bt.Equal(et) {
		st.pyOnly(spanOf(e), "a conditional expression choosing between a %s and a %s runs only in Python", bt, et)
		return TUnknown
	}
	return bt
}

// arith types X op Y.
func (st *fstate) arith(op ast.BinaryOp, pos source.Span, xt, yt *Type) *Type {
	if xt.Kind == Unknown || yt.Kind == Unknown {
		return TUnknown
	}
	if op.IsBitwise() {
		return st.bitwise(op, pos, xt, yt)
	}
	if xt.Kind == List || yt.Kind == List {
		return st.listArith(op, pos, xt, yt)
	}
	if isStr(xt) || isStr(yt) {
		return st.strArith(op, pos, xt, yt)
	}
	if !scalar(xt) || !scalar(yt) {
		st.pyOnly(pos, "'%s' between a %s and a %s runs only in Python", op, xt, yt)
		return TUnknown
	}
	if xt.Kind != Float && yt.Kind != Float {
		if op == ast.OpDiv {
			return TFloat
		}
		return TInt // bool operands count as int, as in Python
	}
	return TFloat
}

// bitwise types X op Y for & | ^ << >>, whose operands are both known.
// Python defines them on ints and bools: bool & | ^ bool is a bool
// (True & False is False), every other mix is an int (True | 1 == 1,
// True << True == 2). A float operand raises TypeError in Python; as the
// line may never run, that keeps the function Python-only rather than
// being an error.
func (st *fstate) bitwise(op ast.BinaryOp, pos source.Span, xt, yt *Type) *Type {
	isInt := func(t *Type) bool { return t.Kind == Int || t.Kind == Bool }
	if !isInt(xt) || !isInt(yt) {
		if xt.Kind == Float || yt.Kind == Float {
			st.pyOnly(pos, "'%s' between a %s and a %s raises TypeError in Python", op, xt, yt)
		} else {
			st.pyOnly(pos, "'%s' between a %s and a %s runs only in Python", op, xt, yt)
		}
		return TUnknown
	}
	if xt.Kind == Bool && yt.Kind == Bool && op != ast.OpLShift && op != ast.OpRShift {
		return TBool
	}
	return TInt
}

// compare types a possibly chained comparison.
func (st *fstate) compare(e *ast.Compare, in set) *Type {
	types := make([]*Type, len(e.Operands))
	for i, x := range e.Operands {
		types[i] = st.expr(x, in)
	}
	for i, op := range e.Ops {
		if i+1 >= len(types) {
			break
		}
		a, b := types[i], types[i+1]
		if a.Kind == Unknown || b.Kind == Unknown {
			return TUnknown
		}
		pos := source.Span{}
		if i < len(e.OpPos) {
			pos = e.OpPos[i]
		}
		if op == ast.CmpIn || op == ast.CmpNotIn {
			if !st.membership(op, pos, a, b) {
				return TUnknown
			}
			continue
		}
		if op < ast.CmpEq || op > ast.CmpGe {
			st.pyOnly(pos, "'%s' runs only in Python", op)
			return TUnknown
		}
		if !(scalar(a) && scalar(b) || isStr(a) && isStr(b)) {
			st.pyOnly(pos, "'%s' between a %s and a %s runs only in Python", op, a, b)
			return TUnknown
		}
	}
	return TBool
}

// call types a call to a top-level function or a builtin.
func (st *fstate) call(e *ast.Call, in set) *Type {
	c := st.c
	args := make([]*Type, len(e.Args))
	for i, a := range e.Args {
		args[i] = st.expr(a, in)
	}
	if len(e.Keywords) > 0 && !st.sortReverse(e) {
		return TUnknown
	}
	id, ok := e.Func.(*ast.Ident)
	if !ok {
		if at, isAttr := e.Func.(*ast.Attribute); isAttr && at.Name != nil {
			if t, ok := st.mathCall(e, at, args); ok {
				return t
			}
			return st.method(e, at, args, in)
		}
		st.expr(e.Func, in)
		st.pyOnly(spanOf(e), "this call runs only in Python")
		return TUnknown
	}
	for _, t := range args {
		if t.Kind == Unknown {
			st.kindOfCallee(id)
			return TUnknown
		}
	}
	if t, ok := st.mathNamedCall(e, id, args); ok {
		return t
	}
	if st.shadowed(id) {
		return TUnknown
	}
	switch c.kinds[id] {
	case kindFunc:
		callee := c.info.FuncByName[id.Name]
		if callee == nil {
			return TUnknown
		}
		st.calls = append(st.calls, call{callee: callee, line: id.Pos.Start.Line})
		if len(args) != len(callee.Params) {
			if positional(callee.Decl) {
				st.pyOnly(spanOf(e), "%s() takes %d positional arguments but %d were given (a TypeError in Python)",
					id.Name, len(callee.Params), len(args))
			} // else the callee runs only in Python: propagate says so
			return TUnknown
		}
		for i, t := range args {
			p := callee.Params[i]
			if p.Kind != Unknown && !unify(t, p) {
				st.pyOnly(spanOf(e.Args[i]), "argument %d of %s() is a %s but the parameter is %s", i+1, id.Name, t, p)
			}
		}
		if callee.Result.Kind == Tuple {
			if e == st.tupleCall {
				return callee.Result // unpacked, or returned as it is
			}
			// the tuple's values reach Python only (the bridge makes the tuple)
			st.pyOnly(spanOf(e), "using the tuple %s() returns runs only in Python", id.Name)
			return TUnknown
		}
		return callee.Result
	case kindBuiltin:
		if !st.builtinArity(e, id, c.info.Builtins[id]) {
			return TUnknown
		}
		return st.builtin(e, id, c.info.Builtins[id], args)
	case kindGlobal:
		st.pyOnly(id.Pos, "calls '%s', which is not a top-level function bound by its def alone%s", id.Name, c.boundBy(id.Name))
	case kindUndefined:
		st.undefined(id)
	default:
		st.pyOnly(id.Pos, "calls '%s', which is not a top-level function", id.Name)
	}
	return TUnknown
}

// positional reports whether d is undecorated and every parameter of it
// is a plain positional one without a default, so that a call must pass
// exactly one argument for each.
func positional(d *ast.FuncDef) bool {
	if len(d.Decorators) > 0 {
		return false
	}
	for _, p := range d.Params {
		if isNil(p) || p.Kind != ast.ParamNormal || !isNil(p.Default) {
			return false
		}
	}
	return true
}

// builtinArity makes the function Python-only when a call to a builtin
// has a number of arguments Python always rejects.
func (st *fstate) builtinArity(e *ast.Call, id *ast.Ident, name string) bool {
	ar, ok := builtinArity[name]
	if !ok {
		return true
	}
	n := len(e.Args)
	var takes string
	switch {
	case ar[1] < 0 && n < ar[0]:
		takes = fmt.Sprintf("at least %d", ar[0])
	case ar[1] >= 0 && ar[0] == ar[1] && n != ar[0]:
		takes = fmt.Sprint(ar[0])
	case ar[1] >= 0 && (n < ar[0] || n > ar[1]):
		takes = fmt.Sprintf("from %d to %d", ar[0], ar[1])
	default:
		return true
	}
	st.pyOnly(spanOf(e), "%s() takes %s arguments but %d were given (a TypeError in Python)", id.Name, takes, n)
	return false
}

// undefined makes the function Python-only for reading a name bound
// nowhere.
func (st *fstate) undefined(id *ast.Ident) {
	if star := st.c.star; star.Start.IsValid() {
		st.pyOnly(id.Pos, "'%s' is not defined, unless the star import of line %d defines it", id.Name, star.Start.Line)
		return
	}
	st.pyOnly(id.Pos, "'%s' is not defined (a NameError in Python)", id.Name)
}

// shadowed makes the function Python-only when a module-level star import
// may rebind the builtin or top-level function id names.
func (st *fstate) shadowed(id *ast.Ident) bool {
	k := st.c.kinds[id]
	if star := st.c.star; star.Start.IsValid() && (k == kindBuiltin || k == kindFunc) {
		st.pyOnly(id.Pos, "the star import of line %d may rebind '%s'", star.Start.Line, id.Name)
		return true
	}
	return false
}

// globalRead explains why reading the module-level name id is not
// compiled.
// why, when not empty, says why the name is no constant (modconst.go).
func (c *checker) globalRead(id *ast.Ident, why string) string {
	if why == "" {
		why = ","
	}
	return fmt.Sprintf("reads the global variable '%s'%s%s which runs only in Python", id.Name, c.boundBy(id.Name), why)
}

// boundBy says how the module binds name: " (bound by an import on line 3)".
func (c *checker) boundBy(name string) string {
	for _, bd := range c.modBinds[name] {
		if d, ok := bd.node.(*ast.FuncDef); ok && bd.how == howDef && contains(c.file.Body, d) {
			continue // the function itself
		}
		if bd.how != howAssign && bd.how != howAugAssign {
			return fmt.Sprintf(" (bound by %s on line %d)", howText[bd.how], bd.id.Pos.Start.Line)
		}
	}
	return ""
}

// kindOfCallee still records callee names whose arguments failed to type.
func (st *fstate) kindOfCallee(id *ast.Ident) {
	if st.c.kinds[id] == kindFunc {
		if callee := st.c.info.FuncByName[id.Name]; callee != nil {
			st.calls = append(st.calls, call{callee: callee, line: id.Pos.Start.Line})
		}
	}
}

// builtin types a call to a builtin the compiler knows.
func (st *fstate) builtin(e *ast.Call, id *ast.Ident, name string, args []*Type) *Type {
	if t, ok := st.listBuiltin(e, id, name, args); ok {
		return t
	}
	if t, ok := st.strBuiltin(e, id, name, args); ok {
		return t
	}
	for i, t := range args {
		if !scalar(t) {
			st.pyOnly(spanOf(e.Args[i]), "%s() of a %s runs only in Python", id.Name, t)
			return TUnknown
		}
	}
	switch name {
	case "abs":
		if len(args) == 1 {
			if args[0].Kind == Float {
				return TFloat
			}
			return TInt
		}
	case "min", "max":
		if len(args) < 2 {
			st.pyOnly(id.Pos, "%s() of an iterable runs only in Python", id.Name)
			return TUnknown
		}
		for _, t := range args[1:] {
			if !t.Equal(args[0]) {
				st.pyOnly(id.Pos, "%s() of a %s and a %s runs only in Python", id.Name, args[0], t)
				return TUnknown
			}
		}
		return args[0]
	case "int", "round":
		if len(args) == 0 && name == "int" || len(args) == 1 {
			return TInt
		}
	case "float":
		if len(args) <= 1 {
			return TFloat
		}
	case "bool":
		if len(args) <= 1 {
			return TBool
		}
	case "range":
		st.pyOnly(id.Pos, "%s() is compiled only as the iterable of a for loop", id.Name)
		return TUnknown
	}
	st.pyOnly(id.Pos, "%s() runs only in Python", id.Name)
	return TUnknown
}
