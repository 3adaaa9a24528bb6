package check

import (
	"reflect"
	"sort"
	"strconv"
	"strings"

	"github.com/multilingualprogramming/multilingual/core/ast"
	"github.com/multilingualprogramming/multilingual/core/lang"
	"github.com/multilingualprogramming/multilingual/core/source"
)

// The resolver follows CPython's symtable. Pass 1 (the binder) walks the
// tree once in source order, builds the scope tree, records for every
// scope the names it reads, binds and declares, and reports the errors
// CPython's compiler reports from the same walk (return outside a
// function, global after use, ...). Pass 2 (analyze) decides, top down,
// how each name of each scope resolves: a name a function binds is local
// unless declared global or nonlocal; a name a scope only reads is free
// when an enclosing function binds it (class bodies are skipped: their
// names are not visible in nested scopes), else global, else a builtin,
// else undefined. The const rule and the method aliases are applied last,
// when every binding is known to land in one scope.

// pythonBuiltins are the names of Python 3.11's builtins module (those of
// 3.12 are the same), True, False and None excepted: reading one that the
// program does not bind resolves to the builtin, whether or not the
// language tables list it.
var pythonBuiltins = map[string]bool{}

func init() {
	for _, n := range []string{
		"ArithmeticError", "AssertionError", "AttributeError", "BaseException", "BaseExceptionGroup",
		"BlockingIOError", "BrokenPipeError", "BufferError", "BytesWarning", "ChildProcessError",
		"ConnectionAbortedError", "ConnectionError", "ConnectionRefusedError", "ConnectionResetError",
		"DeprecationWarning", "EOFError", "Ellipsis", "EncodingWarning", "EnvironmentError", "Exception",
		"ExceptionGroup", "FileExistsError", "FileNotFoundError", "FloatingPointError", "FutureWarning",
		"GeneratorExit", "IOError", "ImportError", "ImportWarning", "IndentationError", "IndexError",
		"InterruptedError", "IsADirectoryError", "KeyError", "KeyboardInterrupt", "LookupError",
		"MemoryError", "ModuleNotFoundError", "NameError", "NotADirectoryError", "NotImplemented",
		"NotImplementedError", "OSError", "OverflowError", "PendingDeprecationWarning", "PermissionError",
		"ProcessLookupError", "RecursionError", "ReferenceError", "ResourceWarning", "RuntimeError",
		"RuntimeWarning", "StopAsyncIteration", "StopIteration", "SyntaxError", "SyntaxWarning",
		"SystemError", "SystemExit", "TabError", "TimeoutError", "TypeError", "UnboundLocalError",
		"UnicodeDecodeError", "UnicodeEncodeError", "UnicodeError", "UnicodeTranslateError",
		"UnicodeWarning", "UserWarning", "ValueError", "Warning", "ZeroDivisionError",
		"__build_class__", "__debug__", "__doc__", "__import__", "__loader__", "__name__", "__package__",
		"__spec__", "abs", "aiter", "all", "anext", "any", "ascii", "bin", "bool", "breakpoint",
		"bytearray", "bytes", "callable", "chr", "classmethod", "compile", "complex", "copyright",
		"credits", "delattr", "dict", "dir", "divmod", "enumerate", "eval", "exec", "exit", "filter",
		"float", "format", "frozenset", "getattr", "globals", "hasattr", "hash", "help", "hex", "id",
		"input", "int", "isinstance", "issubclass", "iter", "len", "license", "list", "locals", "map",
		"max", "memoryview", "min", "next", "object", "oct", "open", "ord", "pow", "print", "property",
		"quit", "range", "repr", "reversed", "round", "set", "setattr", "slice", "sorted", "staticmethod",
		"str", "sum", "super", "tuple", "type", "vars", "zip",
	} {
		pythonBuiltins[n] = true
	}
}

// builtinArity gives the accepted argument counts of builtins whose misuse
// Python always rejects with TypeError; max < 0 means no upper bound. A
// call outside them keeps the function Python-only.
var builtinArity = map[string][2]int{
	"abs": {1, 1}, "len": {1, 1}, "range": {1, 3}, "round": {1, 2},
	"float": {0, 1}, "bool": {0, 1}, "int": {0, 2}, "min": {1, -1}, "max": {1, -1},
	"divmod": {2, 2}, "pow": {2, 3}, "chr": {1, 1}, "ord": {1, 1}, "sum": {1, 2},
	"input": {0, 1},
}

// futureFeatures are the names `from __future__ import` accepts.
var futureFeatures = map[string]bool{
	"nested_scopes": true, "generators": true, "division": true, "absolute_import": true,
	"with_statement": true, "print_function": true, "unicode_literals": true,
	"barry_as_FLUFL": true, "generator_stop": true, "annotations": true,
}

// collect finds the top-level functions.
func (c *checker) collect() {
	if c.file == nil {
		return
	}
	for _, s := range c.file.Body {
		if d, ok := s.(*ast.FuncDef); ok && d != nil && d.Name != nil {
			c.funcs[d.Name.Name] = d
			c.defs[d.Name.Name]++
		}
	}
}

// A useKind says what an occurrence of a name does.
type useKind uint8

const (
	useRead  useKind = iota // the name is read
	useAnnot                // the name is in an annotation: resolved, but never evaluated
	useBind                 // the name is bound (or deleted)
	useDecl                 // the name of a global or nonlocal statement
)

// A ref is one occurrence of a name in a scope.
type ref struct {
	id    *ast.Ident
	scope *Scope
	use   useKind
}

// A bindHow says which construct binds a name.
type bindHow uint8

const (
	howAssign    bindHow = iota + 1 // = (and annotated assignments of a non-simple target)
	howAugAssign                    // op=
	howAnnAssign                    // x: T or x: T = v
	howFor                          // for target
	howCompFor                      // comprehension target
	howWith                         // with ... as target
	howExcept                       // except ... as name
	howImport                       // import, from ... import
	howDef                          // def
	howClass                        // class
	howDel                          // del
	howWalrus                       // :=
	howMatch                        // a capture pattern
	howParam                        // a parameter
)

// what describes a binding construct for reasons.
var howText = map[bindHow]string{
	howAssign: "an assignment", howAugAssign: "an augmented assignment", howAnnAssign: "an annotated assignment",
	howFor: "a for loop", howCompFor: "a comprehension", howWith: "a with statement", howExcept: "an except clause",
	howImport: "an import", howDef: "a def", howClass: "a class statement", howDel: "a del statement",
	howWalrus: "an assignment expression", howMatch: "a match pattern", howParam: "a parameter",
}

// A binding is one binding occurrence of a name.
type binding struct {
	id    *ast.Ident
	how   bindHow
	scope *Scope // the scope the binding is written in (for a := in a comprehension, the scope it binds in)
	decl  ast.DeclKind
	node  ast.Node // the FuncDef of a def, the ClassDef of a class, else the statement or nil
}

// A methodCall is a call X.name(...), for Info.Methods.
type methodCall struct {
	at *ast.Attribute
}

// flow is the control context of the statement being walked, reset at
// each function, lambda, class and comprehension.
type flow struct {
	loops     int  // enclosing loops (not counting their else branches)
	star      bool // inside an except* handler
	starLoops int  // loops enclosing that handler
	compIter  bool // inside the iterable of a comprehension
}

// binder is pass 1.
type binder struct {
	c     *checker
	sc    *Scope
	fl    flow
	annot int // > 0 inside an annotation
}

// resolveFile runs the resolver: it fills Info.Module, Scopes, Names and
// Builtins, the kinds the inference reads, and the errors.
func (c *checker) resolveFile() {
	c.module = newScope(ModuleScope, nil, nil)
	c.info.Module = c.module
	if c.file == nil {
		return
	}
	c.markFuture()
	b := &binder{c: c, sc: c.module}
	b.stmts(c.file.Body)
	c.collectModuleNames()
	c.analyze(c.module, nil, nil)
	c.finishRefs()
	c.landings()
	c.checkConsts()
	c.resolveMethods()
}

// markFuture records the `from __future__` imports that are where Python
// allows them: after the docstring, before any other statement.
func (c *checker) markFuture() {
	body := c.file.Body
	i := 0
	if len(body) > 0 {
		if e, ok := body[0].(*ast.ExprStmt); ok && e != nil {
			if _, ok := e.X.(*ast.StrLit); ok {
				i = 1
			}
		}
	}
	for ; i < len(body); i++ {
		s, ok := body[i].(*ast.ImportFrom)
		if !ok || !isFuture(s) {
			break
		}
		c.futureOK[s] = true
	}
}

func isFuture(s *ast.ImportFrom) bool {
	return s != nil && s.Level == 0 && len(s.Module) == 1 && s.Module[0] != nil && s.Module[0].Name == "__future__"
}

// kw returns the spelling of keyword k in the program's language.
func (c *checker) kw(k lang.Keyword) string {
	if s := c.lang.KeywordSpelling(k); s != "" {
		return s
	}
	return string(k)
}

// isNil reports whether n is nil or a typed nil pointer (partial trees).
func isNil(n any) bool {
	if n == nil {
		return true
	}
	v := reflect.ValueOf(n)
	return v.Kind() == reflect.Pointer && v.IsNil()
}

// ---- pass 1: statements ----

func (b *binder) stmts(body []ast.Stmt) {
	for _, s := range body {
		b.stmt(s)
	}
}

func (b *binder) stmt(s ast.Stmt) {
	if isNil(s) {
		return
	}
	c := b.c
	switch s := s.(type) {
	case *ast.FuncDef:
		b.funcDef(s)
	case *ast.ClassDef:
		b.classDef(s)
	case *ast.If:
		b.expr(s.Cond)
		b.stmts(s.Body)
		b.stmts(s.Else)
	case *ast.While:
		b.expr(s.Cond)
		b.loop(s.Body)
		b.stmts(s.Else)
	case *ast.For:
		if s.Async {
			b.asyncStmt(s.Pos, lang.For)
		}
		b.expr(s.Iter)
		b.target(s.Target, howFor, ast.DeclNone, s)
		b.loop(s.Body)
		b.stmts(s.Else)
	case *ast.Break:
		b.jump(s.Pos, msgBreakOutside)
	case *ast.Continue:
		b.jump(s.Pos, msgContinueOutside)
	case *ast.Return:
		switch {
		case b.sc.Kind != FunctionScope:
			c.errorf(s.Pos, msgReturnOutside)
		case b.fl.star:
			b.exceptStarError(s.Pos)
		}
		if !isNil(s.Value) {
			b.expr(s.Value)
			b.sc.returns = append(b.sc.returns, s)
		}
	case *ast.Assign:
		b.expr(s.Value)
		b.target(s.Target, howAssign, s.Decl, s)
		for _, t := range s.Chain {
			b.target(t, howAssign, s.Decl, s)
		}
	case *ast.AugAssign:
		switch t := s.Target.(type) {
		case *ast.Ident:
			b.bind(t, howAugAssign, ast.DeclNone, s)
		default:
			b.target(s.Target, howAugAssign, ast.DeclNone, s)
		}
		b.expr(s.Value)
	case *ast.AnnAssign:
		b.annotation(s.Annot)
		b.expr(s.Value)
		if id, ok := s.Target.(*ast.Ident); ok && id != nil {
			switch {
			case s.Simple:
				if sym := b.sc.Symbols[id.Name]; sym != nil && (sym.Global || sym.Nonlocal) && b.sc.Kind != ModuleScope {
					k := lang.Global
					if sym.Nonlocal {
						k = lang.Nonlocal
					}
					c.errorf(id.Pos, msgAnnotatedDecl, id.Name, c.kw(k))
				}
				b.bind(id, howAnnAssign, s.Decl, s)
			case !isNil(s.Value):
				b.bind(id, howAssign, s.Decl, s)
			default:
				b.ref(id, b.sc, useAnnot) // `(x): int` binds nothing
			}
			break
		}
		b.target(s.Target, howAssign, s.Decl, s)
	case *ast.ExprStmt:
		b.expr(s.X)
	case *ast.Assert:
		b.expr(s.Cond)
		b.expr(s.Msg)
	case *ast.Global:
		b.declare(s.Pos, s.Names, true)
	case *ast.Nonlocal:
		if b.sc.Kind == ModuleScope {
			c.errorf(s.Pos, msgNonlocalModule)
		}
		b.declare(s.Pos, s.Names, false)
	case *ast.Pass:
	case *ast.Delete:
		for _, t := range s.Targets {
			b.delTarget(t)
		}
	case *ast.Raise:
		b.expr(s.Exc)
		b.expr(s.Cause)
	case *ast.Try:
		b.stmts(s.Body)
		for i, h := range s.Handlers {
			if isNil(h) {
				continue
			}
			if isNil(h.Type) && i < len(s.Handlers)-1 {
				c.errorf(h.Pos, msgExceptDefault, c.kw(lang.Except))
			}
			b.expr(h.Type)
			if h.Name != nil {
				b.bind(h.Name, howExcept, ast.DeclNone, s)
			}
			if s.Star {
				saved := b.fl
				b.fl.star, b.fl.starLoops = true, b.fl.loops
				b.stmts(h.Body)
				b.fl = saved
			} else {
				b.stmts(h.Body)
			}
		}
		b.stmts(s.Else)
		b.stmts(s.Finally)
	case *ast.With:
		if s.Async {
			b.asyncStmt(s.Pos, lang.With)
		}
		for _, it := range s.Items {
			if isNil(it) {
				continue
			}
			b.expr(it.Context)
			if !isNil(it.Target) {
				b.target(it.Target, howWith, ast.DeclNone, s)
			}
		}
		b.stmts(s.Body)
	case *ast.Import:
		for _, a := range s.Names {
			b.alias(a, s)
		}
	case *ast.ImportFrom:
		b.importFrom(s)
	case *ast.Match:
		b.match(s)
	}
}

// loop walks a loop body.
func (b *binder) loop(body []ast.Stmt) {
	b.fl.loops++
	b.stmts(body)
	b.fl.loops--
}

// jump checks a break or continue.
func (b *binder) jump(pos source.Span, outside msgID) {
	switch {
	case b.fl.star && b.fl.loops == b.fl.starLoops:
		b.exceptStarError(pos) // CPython meets the handler before it misses the loop
	case b.fl.loops == 0:
		b.c.errorf(pos, outside)
	}
}

func (b *binder) exceptStarError(pos source.Span) {
	c := b.c
	c.errorf(pos, msgExceptStarFlow, c.kw(lang.Break), c.kw(lang.Continue), c.kw(lang.Return), c.kw(lang.Except))
}

// asyncStmt checks an `async for` or `async with` statement.
func (b *binder) asyncStmt(pos source.Span, k lang.Keyword) {
	if b.sc.Kind == FunctionScope && b.sc.Async {
		return
	}
	c := b.c
	b.c.errorf(pos, msgOutsideAsync, c.kw(lang.Async)+" "+c.kw(k))
}

// open enters a new scope for node.
func (b *binder) open(kind ScopeKind, node ast.Node) *Scope {
	s := newScope(kind, node, b.sc)
	b.c.info.Scopes[node] = s
	b.sc = s
	return s
}

func (b *binder) funcDef(d *ast.FuncDef) {
	b.exprs(d.Decorators)
	for _, p := range d.Params {
		if !isNil(p) {
			b.expr(p.Default)
		}
	}
	for _, p := range d.Params {
		if !isNil(p) {
			b.annotation(p.Type)
		}
	}
	b.annotation(d.Result)
	if d.Name != nil {
		b.bind(d.Name, howDef, ast.DeclNone, d)
	}
	sc := b.open(FunctionScope, d)
	sc.Async = d.Async
	b.params(d.Params)
	saved := b.fl
	b.fl = flow{}
	b.stmts(d.Body)
	b.fl = saved
	b.sc = sc.Parent
	if sc.Async && sc.Generator {
		for _, r := range sc.returns {
			b.c.errorf(r.Pos, msgReturnAsyncGen, b.c.kw(lang.Return))
		}
	}
}

// params binds the parameters of a def or lambda in the current scope.
func (b *binder) params(ps []*ast.Param) {
	seen := make(map[string]bool)
	for _, p := range ps {
		if isNil(p) || p.Name == nil {
			continue
		}
		if seen[p.Name.Name] {
			b.c.errorf(p.Name.Pos, msgDuplicateArg, p.Name.Name)
		}
		seen[p.Name.Name] = true
		b.bind(p.Name, howParam, ast.DeclNone, p)
	}
}

func (b *binder) classDef(d *ast.ClassDef) {
	b.exprs(d.Decorators)
	b.exprs(d.Bases)
	b.keywords(d.Keywords)
	if d.Name != nil {
		b.bind(d.Name, howClass, ast.DeclNone, d)
	}
	sc := b.open(ClassScope, d)
	saved := b.fl
	b.fl = flow{}
	b.stmts(d.Body)
	b.fl = saved
	b.sc = sc.Parent
}

// declare handles `global` (global set) and `nonlocal` statements.
func (b *binder) declare(pos source.Span, names []*ast.Ident, global bool) {
	c := b.c
	k := lang.Nonlocal
	if global {
		k = lang.Global
	}
	word := c.kw(k)
	for _, id := range names {
		if id == nil {
			continue
		}
		sym := b.sc.symbol(id.Name)
		switch {
		case sym.Param && global:
			c.errorf(pos, msgGlobalAtTop, id.Name)
		case sym.Param:
			c.errorf(pos, msgParamNonlocal, id.Name)
		case sym.Used:
			c.errorf(pos, msgUsedBeforeDecl, id.Name, word)
		case sym.Annotated:
			c.errorf(pos, msgAnnotatedDecl, id.Name, word)
		case sym.assigned:
			c.errorf(pos, msgAssignedBeforeDecl, id.Name, word)
		}
		if !sym.declPos.Start.IsValid() {
			sym.declPos = pos
		}
		if global && sym.Nonlocal || !global && sym.Global {
			c.errorf(sym.declPos, msgNonlocalGlobal, id.Name) // at the first declaration, as CPython
		}
		if global {
			sym.Global = true
			c.module.symbol(id.Name) // the module's namespace has the name, as in CPython's symtable
		} else {
			sym.Nonlocal = true
		}
		b.ref(id, b.sc, useDecl)
	}
}

// alias binds one imported name.
func (b *binder) alias(a *ast.Alias, s ast.Stmt) {
	if isNil(a) {
		return
	}
	if id := importedAs(a); id != nil {
		b.bind(id, howImport, ast.DeclNone, s)
	}
}

// importedAs returns the name an import alias binds: its `as` name, else
// the first part of its path (`import a.b` binds a); nil in a partial
// tree.
func importedAs(a *ast.Alias) *ast.Ident {
	if a.AsName != nil {
		return a.AsName
	}
	if len(a.Path) > 0 {
		return a.Path[0]
	}
	return nil
}

func (b *binder) importFrom(s *ast.ImportFrom) {
	c := b.c
	if isFuture(s) {
		if !c.futureOK[s] || b.sc.Kind != ModuleScope {
			c.errorf(s.Pos, msgFutureLate)
		}
		for _, a := range s.Names {
			if !isNil(a) && len(a.Path) == 1 && a.Path[0] != nil && !futureFeatures[a.Path[0].Name] {
				c.errorf(a.Path[0].Pos, msgFutureUnknown, a.Path[0].Name)
			}
		}
	}
	for _, a := range s.Names {
		if isNil(a) {
			continue
		}
		if len(a.Path) == 1 && a.Path[0] != nil && a.Path[0].Name == "*" {
			if b.sc.Kind != ModuleScope {
				c.errorf(s.Pos, msgImportStar)
			} else if !c.star.Start.IsValid() {
				c.star = s.Pos
			}
			continue
		}
		b.alias(a, s)
	}
}

// ---- pass 1: match statements ----

func (b *binder) match(s *ast.Match) {
	b.expr(s.Subject)
	for i, cs := range s.Cases {
		if isNil(cs) {
			continue
		}
		b.pattern(cs.Pattern, !isNil(cs.Guard) || i == len(s.Cases)-1, make(map[string]bool))
		b.expr(cs.Guard)
		b.stmts(cs.Body)
	}
}

// pattern binds the capture names of p and checks the rules CPython's
// compiler applies to patterns. irrefutable says whether p may match
// everything (only the last case, a guarded one, or a sub-pattern may);
// names holds the names the case's pattern has bound so far.
func (b *binder) pattern(p ast.Pattern, irrefutable bool, names map[string]bool) {
	if isNil(p) {
		return
	}
	c := b.c
	switch p := p.(type) {
	case *ast.MatchValue:
		b.expr(p.X)
	case *ast.MatchSingleton:
	case *ast.MatchSequence:
		stars := 0
		for _, q := range p.Patterns {
			if _, ok := q.(*ast.MatchStar); ok {
				stars++
			}
		}
		if stars > 1 {
			c.errorf(p.Pos, msgPatternStars)
		}
		for _, q := range p.Patterns {
			b.pattern(q, true, names)
		}
	case *ast.MatchMapping:
		seen := make(map[string]bool)
		for _, k := range p.Keys {
			if key, text, ok := constKey(k); ok {
				if seen[key] {
					c.errorf(spanOf(k), msgPatternKey, text)
				}
				seen[key] = true
			}
			b.expr(k)
		}
		for _, q := range p.Patterns {
			b.pattern(q, true, names)
		}
		if p.Rest != nil {
			b.capture(p.Rest, names)
		}
	case *ast.MatchClass:
		b.expr(p.Cls)
		for _, q := range p.Patterns {
			b.pattern(q, true, names)
		}
		seen := make(map[string]bool)
		for _, a := range p.KwdAttrs {
			if a == nil {
				continue
			}
			if seen[a.Name] {
				c.errorf(a.Pos, msgPatternAttr, a.Name)
			}
			seen[a.Name] = true
		}
		for _, q := range p.KwdPatterns {
			b.pattern(q, true, names)
		}
	case *ast.MatchStar:
		if p.Name != nil {
			b.capture(p.Name, names)
		}
	case *ast.MatchAs:
		if isNil(p.Pattern) {
			if !irrefutable {
				if p.Name != nil {
					c.errorf(p.Pos, msgPatternCapture, p.Name.Name)
				} else {
					c.errorf(p.Pos, msgPatternWildcard)
				}
			}
		} else {
			b.pattern(p.Pattern, irrefutable, names)
		}
		if p.Name != nil {
			b.capture(p.Name, names)
		}
	case *ast.MatchOr:
		var first map[string]bool
		reported := false
		for i, q := range p.Patterns {
			alt := make(map[string]bool, len(names))
			for n := range names {
				alt[n] = true
			}
			b.pattern(q, irrefutable && i == len(p.Patterns)-1, alt)
			bound := make(map[string]bool)
			for n := range alt {
				if !names[n] {
					bound[n] = true
				}
			}
			if i == 0 {
				first = bound
			} else if !sameSet(first, bound) && !reported {
				c.errorf(spanOf(p), msgPatternAlt)
				reported = true
			}
		}
		for n := range first {
			names[n] = true
		}
	}
}

// capture binds a name captured by a pattern.
func (b *binder) capture(id *ast.Ident, names map[string]bool) {
	if names[id.Name] {
		b.c.errorf(id.Pos, msgPatternDup, id.Name)
	}
	names[id.Name] = true
	b.bind(id, howMatch, ast.DeclNone, nil)
}

func sameSet(a, b map[string]bool) bool {
	if len(a) != len(b) {
		return false
	}
	for k := range a {
		if !b[k] {
			return false
		}
	}
	return true
}

// constKey returns a key equal for equal literal keys of a mapping
// pattern (1, 1.0 and True are one key in Python) and the key's text.
func constKey(e ast.Expr) (key, text string, ok bool) {
	neg := ""
	if u, isU := e.(*ast.Unary); isU && u != nil && u.Op == ast.OpNeg {
		neg, e = "-", u.X
	}
	switch e := e.(type) {
	case *ast.IntLit:
		if e == nil {
			return "", "", false
		}
		return "n" + neg + e.Text, neg + e.Text, true
	case *ast.FloatLit:
		if e == nil {
			return "", "", false
		}
		v := e.Value
		if neg != "" {
			v = -v
		}
		if v == float64(int64(v)) && v < 1e18 && v > -1e18 {
			return "n" + strconv.FormatInt(int64(v), 10), neg + e.Text, true
		}
		return "f" + strconv.FormatFloat(v, 'g', -1, 64), neg + e.Text, true
	case *ast.BoolLit:
		if e == nil || neg != "" {
			return "", "", false
		}
		if e.Value {
			return "n1", "True", true
		}
		return "n0", "False", true
	case *ast.StrLit:
		if e == nil || neg != "" {
			return "", "", false
		}
		return "s" + e.Value, pyRepr(e.Value), true
	case *ast.BytesLit:
		if e == nil || neg != "" {
			return "", "", false
		}
		return "b" + e.Value, "b" + pyRepr(e.Value), true
	case *ast.NoneLit:
		if e == nil || neg != "" {
			return "", "", false
		}
		return "None", "None", true
	}
	return "", "", false
}

// pyRepr quotes s roughly as Python's repr does: single quotes unless s
// holds one and no double quote.
func pyRepr(s string) string {
	q := strconv.Quote(s) // "..." with Go escapes
	if strings.Contains(s, "'") && !strings.Contains(s, `"`) {
		return q
	}
	inner := strings.ReplaceAll(q[1:len(q)-1], `\"`, `"`)
	return "'" + strings.ReplaceAll(inner, "'", `\'`) + "'"
}

// ---- pass 1: targets and names ----

// target binds the names of an assignment target.
func (b *binder) target(e ast.Expr, how bindHow, decl ast.DeclKind, node ast.Node) {
	if isNil(e) {
		return
	}
	switch t := e.(type) {
	case *ast.Ident:
		b.bind(t, how, decl, node)
	case *ast.Tuple:
		for _, x := range t.Elems {
			b.target(x, how, decl, node)
		}
	case *ast.ListLit:
		for _, x := range t.Elems {
			b.target(x, how, decl, node)
		}
	case *ast.Starred:
		b.target(t.X, how, decl, node)
	case *ast.Attribute:
		b.expr(t.X)
		if t.Name != nil {
			b.c.attrDefs[t.Name.Name] = true
		}
	case *ast.Index:
		b.expr(t.X)
		b.expr(t.Index)
	default:
		b.c.errorf(spanOf(e), msgBadTarget, b.c.targetWhat(e))
		b.expr(e)
	}
}

// delTarget handles one target of a del statement.
func (b *binder) delTarget(e ast.Expr) {
	if isNil(e) {
		return
	}
	switch t := e.(type) {
	case *ast.Ident:
		if t.Name == "__debug__" {
			b.c.errorf(t.Pos, msgDeleteDebug)
		}
		b.bindIn(b.sc, t, howDel, ast.DeclNone, nil)
		b.ref(t, b.sc, useBind)
	case *ast.Tuple:
		for _, x := range t.Elems {
			b.delTarget(x)
		}
	case *ast.ListLit:
		for _, x := range t.Elems {
			b.delTarget(x)
		}
	case *ast.Attribute:
		b.expr(t.X)
		if t.Name != nil {
			b.c.attrDefs[t.Name.Name] = true
		}
	case *ast.Index:
		b.expr(t.X)
		b.expr(t.Index)
	default:
		b.c.errorf(spanOf(e), msgBadDelete, b.c.targetWhat(e))
		b.expr(e)
	}
}

// targetWhat names an expression that cannot be assigned or deleted, in
// CPython's words ("function call") in the program's language.
func (c *checker) targetWhat(e ast.Expr) string {
	id := wordExpression
	switch e.(type) {
	case *ast.Call:
		id = wordCall
	case *ast.IntLit, *ast.FloatLit, *ast.StrLit, *ast.BoolLit, *ast.NoneLit, *ast.BytesLit,
		*ast.ImagLit, *ast.Ellipsis, *ast.FString:
		id = wordLiteral
	}
	return message(c.code, id)
}

// bind records that id is bound in the current scope.
func (b *binder) bind(id *ast.Ident, how bindHow, decl ast.DeclKind, node ast.Node) {
	if id == nil {
		return
	}
	if id.Name == "__debug__" {
		b.c.errorf(id.Pos, msgAssignDebug)
	}
	b.bindIn(b.sc, id, how, decl, node)
	b.ref(id, b.sc, useBind)
}

// bindIn records the binding of id in scope s.
func (b *binder) bindIn(s *Scope, id *ast.Ident, how bindHow, decl ast.DeclKind, node ast.Node) {
	sym := s.symbol(id.Name)
	sym.Bound = true
	switch how {
	case howParam:
		sym.Param = true
	case howImport:
		sym.Imported = true
	case howAnnAssign:
		sym.Annotated = true
		sym.assigned = true
	case howCompFor:
		sym.compIter = true
		sym.assigned = true
	default:
		sym.assigned = true
	}
	b.c.bindings = append(b.c.bindings, &binding{id: id, how: how, scope: s, decl: decl, node: node})
}

// ref records an occurrence of id in scope s.
func (b *binder) ref(id *ast.Ident, s *Scope, use useKind) {
	s.symbol(id.Name)
	b.c.refs = append(b.c.refs, ref{id: id, scope: s, use: use})
}

// use records a read of id.
func (b *binder) use(id *ast.Ident) {
	if id == nil {
		return
	}
	if b.annot > 0 {
		b.ref(id, b.sc, useAnnot)
		return
	}
	b.sc.symbol(id.Name).Used = true
	b.ref(id, b.sc, useRead)
}

// annotation resolves the names of an annotation. The generated Python
// never evaluates annotations (from __future__ import annotations), so
// they do not count as uses.
func (b *binder) annotation(t *ast.TypeExpr) {
	if isNil(t) {
		return
	}
	b.annot++
	defer func() { b.annot-- }()
	if !isNil(t.X) {
		b.expr(t.X)
		return
	}
	if t.Name != nil && t.Name.Name != "None" {
		b.use(t.Name)
	}
	for _, a := range t.Args {
		b.annotation(a)
	}
}

// ---- pass 1: expressions ----

func (b *binder) exprs(es []ast.Expr) {
	for _, e := range es {
		b.expr(e)
	}
}

func (b *binder) keywords(ks []*ast.Keyword) {
	seen := make(map[string]bool)
	for _, k := range ks {
		if isNil(k) {
			continue
		}
		if k.Name != nil {
			if seen[k.Name.Name] {
				b.c.errorf(k.Name.Pos, msgKeywordRepeated, k.Name.Name)
			}
			seen[k.Name.Name] = true
			b.c.attrDefs[k.Name.Name] = true
		}
		b.expr(k.Value)
	}
}

func (b *binder) expr(e ast.Expr) {
	if isNil(e) {
		return
	}
	c := b.c
	switch e := e.(type) {
	case *ast.Ident:
		b.use(e)
	case *ast.IntLit, *ast.FloatLit, *ast.StrLit, *ast.BoolLit, *ast.NoneLit, *ast.BytesLit,
		*ast.ImagLit, *ast.Ellipsis:
	case *ast.ListLit:
		b.exprs(e.Elems)
	case *ast.Tuple:
		b.exprs(e.Elems)
	case *ast.Set:
		b.exprs(e.Elems)
	case *ast.Dict:
		for i, v := range e.Values {
			if i < len(e.Keys) {
				b.expr(e.Keys[i])
			}
			b.expr(v)
		}
	case *ast.Binary:
		b.expr(e.X)
		b.expr(e.Y)
	case *ast.Unary:
		b.expr(e.X)
	case *ast.Logic:
		b.expr(e.X)
		b.expr(e.Y)
	case *ast.Compare:
		b.exprs(e.Operands)
	case *ast.Call:
		b.expr(e.Func)
		b.exprs(e.Args)
		b.keywords(e.Keywords)
		if at, ok := e.Func.(*ast.Attribute); ok && at != nil && at.Name != nil {
			c.methodCalls = append(c.methodCalls, methodCall{at: at})
		}
	case *ast.Attribute:
		b.expr(e.X)
	case *ast.Index:
		b.expr(e.X)
		b.expr(e.Index)
	case *ast.Starred:
		b.expr(e.X)
	case *ast.Slice:
		b.expr(e.Lo)
		b.expr(e.Hi)
		b.expr(e.Step)
	case *ast.IfExp:
		b.expr(e.Cond)
		b.expr(e.Body)
		b.expr(e.Else)
	case *ast.Lambda:
		b.lambda(e)
	case *ast.NamedExpr:
		b.expr(e.Value)
		b.walrus(e)
	case *ast.Comp:
		b.comp(e)
	case *ast.Yield:
		b.expr(e.Value)
		b.yield(e.Pos, false)
	case *ast.YieldFrom:
		b.expr(e.Value)
		b.yield(e.Pos, true)
	case *ast.Await:
		b.expr(e.X)
		b.await(e.Pos)
	case *ast.FString:
		b.exprs(e.Parts)
	case *ast.FormattedValue:
		b.expr(e.X)
		if !isNil(e.Spec) {
			b.expr(e.Spec)
		}
	}
}

func (b *binder) lambda(e *ast.Lambda) {
	for _, p := range e.Params {
		if !isNil(p) {
			b.expr(p.Default)
		}
	}
	sc := b.open(LambdaScope, e)
	b.params(e.Params)
	saved := b.fl
	b.fl = flow{}
	b.expr(e.Body)
	b.fl = saved
	b.sc = sc.Parent
}

// comp walks a comprehension: its first iterable in the enclosing scope,
// the rest in its own.
func (b *binder) comp(e *ast.Comp) {
	if len(e.Fors) == 0 || isNil(e.Fors[0]) {
		b.expr(e.Elt)
		b.expr(e.Value)
		return
	}
	b.iterable(e.Fors[0].Iter)
	sc := b.open(CompScope, e)
	saved := b.fl
	b.fl = flow{}
	for i, f := range e.Fors {
		if isNil(f) {
			continue
		}
		if i > 0 {
			b.iterable(f.Iter)
		}
		if f.Async {
			sc.Async = true
		}
		b.target(f.Target, howCompFor, ast.DeclNone, nil)
		b.exprs(f.Ifs)
	}
	b.expr(e.Elt)
	b.expr(e.Value)
	b.fl = saved
	b.sc = sc.Parent
	if sc.Async && e.Kind != ast.GenExp {
		if p := b.sc; !(p.Kind == FunctionScope && p.Async || p.Kind == CompScope) {
			b.c.errorf(e.Pos, msgAsyncComp)
		}
	}
}

// iterable walks the iterable of a comprehension clause.
func (b *binder) iterable(e ast.Expr) {
	saved := b.fl.compIter
	b.fl.compIter = true
	b.expr(e)
	b.fl.compIter = saved
}

// walrus binds the target of `x := v`: in the current scope, or for a
// comprehension in the nearest enclosing scope that is not one.
func (b *binder) walrus(e *ast.NamedExpr) {
	c := b.c
	id := e.Target
	if id == nil {
		return
	}
	if b.fl.compIter {
		c.errorf(spanOf(e), msgWalrusIterExpr)
	}
	if b.sc.Kind != CompScope {
		b.bind(id, howWalrus, ast.DeclNone, e)
		return
	}
	s := b.sc
	for ; s.Kind == CompScope; s = s.Parent {
		if sym := s.Symbols[id.Name]; sym != nil && sym.compIter {
			c.errorf(id.Pos, msgWalrusIterVar, id.Name)
			b.ref(id, b.sc, useBind)
			return
		}
	}
	if s.Kind == ClassScope {
		c.errorf(spanOf(e), msgWalrusClass)
		b.ref(id, b.sc, useBind)
		return
	}
	if id.Name == "__debug__" {
		c.errorf(id.Pos, msgAssignDebug)
	}
	b.bindIn(s, id, howWalrus, ast.DeclNone, e)
	b.ref(id, b.sc, useBind)
}

// yield checks a yield or yield from and marks the function a generator.
func (b *binder) yield(pos source.Span, from bool) {
	c := b.c
	word := c.kw(lang.Yield)
	if from {
		word += " " + c.kw(lang.From)
	}
	switch b.sc.Kind {
	case ModuleScope, ClassScope:
		c.errorf(pos, msgOutsideFunc, word)
	case CompScope:
		c.errorf(pos, msgYieldInComp, word, message(c.code, compWord(b.sc.Node)))
	default:
		b.sc.Generator = true
		if from && b.sc.Async {
			c.errorf(pos, msgYieldFromAsync, word)
		}
	}
}

func compWord(n ast.Node) msgID {
	if cp, ok := n.(*ast.Comp); ok {
		switch cp.Kind {
		case ast.SetComp:
			return wordSetComp
		case ast.DictComp:
			return wordDictComp
		case ast.GenExp:
			return wordGenExp
		}
	}
	return wordListComp
}

// await checks an await expression.
func (b *binder) await(pos source.Span) {
	c := b.c
	switch b.sc.Kind {
	case ModuleScope, ClassScope:
		c.errorf(pos, msgOutsideFunc, c.kw(lang.Await))
	case LambdaScope:
		c.errorf(pos, msgOutsideAsync, c.kw(lang.Await))
	case FunctionScope:
		if !b.sc.Async {
			c.errorf(pos, msgOutsideAsync, c.kw(lang.Await))
		}
	case CompScope:
		b.sc.Async = true
	}
}

// ---- pass 2 ----

// collectModuleNames finds every name bound in the module's namespace: by
// module-level statements, or by any scope that declares it global.
func (c *checker) collectModuleNames() {
	var walk func(s *Scope)
	walk = func(s *Scope) {
		for name, sym := range s.Symbols {
			if sym.Bound && (s.Kind == ModuleScope || sym.Global) {
				c.modNames[name] = true
			}
		}
		if s != c.module {
			for name, sym := range s.Symbols {
				if sym.Bound && sym.Global {
					c.module.symbol(name).Bound = true
				}
			}
		}
		for _, ch := range s.Children {
			walk(ch)
		}
	}
	walk(c.module)
}

// analyze resolves the symbols of s, then of its children. bound maps the
// names that enclosing functions hold to the scope holding each; globals
// holds the names enclosing scopes declare global.
func (c *checker) analyze(s *Scope, bound map[string]*Scope, globals map[string]bool) {
	for _, name := range s.Names {
		sym := s.Symbols[name]
		switch {
		case sym.Global:
			c.resolveGlobal(sym)
		case sym.Nonlocal:
			if s.Kind == ModuleScope {
				c.resolveGlobal(sym) // reported by the binder
				break
			}
			owner := bound[name]
			if owner == nil {
				owner = classCell(s, name)
			}
			if owner == nil {
				c.errorf(sym.declPos, msgNonlocalNoBinding, name)
				c.resolveGlobal(sym)
				break
			}
			sym.Kind, sym.Owner = BindFree, owner
			owner.symbol(name).Cell = true
		case sym.Bound:
			switch s.Kind {
			case ModuleScope:
				sym.Kind, sym.Owner = BindGlobal, s
			case ClassScope:
				sym.Kind, sym.Owner = BindClass, s
			default:
				sym.Kind, sym.Owner = BindLocal, s
			}
		default:
			if owner := bound[name]; owner != nil {
				sym.Kind, sym.Owner = BindFree, owner
				owner.Symbols[name].Cell = true
				break
			}
			if cls := classCell(s, name); cls != nil {
				sym.Kind, sym.Owner = BindFree, cls
				break
			}
			c.resolveGlobal(sym)
		}
	}
	if len(s.Children) == 0 {
		return
	}
	nb := make(map[string]*Scope, len(bound))
	for k, v := range bound {
		nb[k] = v
	}
	ng := make(map[string]bool, len(globals))
	for k := range globals {
		ng[k] = true
	}
	for name, sym := range s.Symbols {
		switch {
		case sym.Global:
			delete(nb, name)
			ng[name] = true
		case sym.Kind == BindLocal:
			nb[name] = s
			delete(ng, name)
		}
	}
	for _, ch := range s.Children {
		c.analyze(ch, nb, ng)
	}
	if s.Kind == ModuleScope {
		return
	}
	// A free variable of a nested scope passes through s, as in CPython:
	// s gets a free symbol for it unless it holds it.
	for _, ch := range s.Children {
		for _, name := range ch.Names {
			sym := ch.Symbols[name]
			if sym.Kind != BindFree || sym.Owner == s {
				continue
			}
			if _, ok := s.Symbols[name]; ok {
				continue
			}
			through := s.symbol(name)
			through.Kind, through.Owner = BindFree, sym.Owner
		}
	}
}

// classCell returns the class whose implicit __class__ cell the name
// __class__ denotes in s (a function nested in a class body), or nil.
func classCell(s *Scope, name string) *Scope {
	if name != "__class__" || s.Kind == ClassScope {
		return nil
	}
	for p := s.Parent; p != nil; p = p.Parent {
		if p.Kind == ClassScope {
			return p
		}
	}
	return nil
}

// resolveGlobal resolves a name looked up in the module's namespace.
func (c *checker) resolveGlobal(sym *Symbol) {
	sym.Owner = c.module
	if c.modNames[sym.Name] {
		sym.Kind = BindGlobal
		return
	}
	if canon := c.builtinName(sym.Name); canon != "" {
		sym.Kind, sym.Owner, sym.Builtin = BindBuiltin, nil, canon
		return
	}
	sym.Kind = BindUndefined
}

// finishRefs fills Info.Names and Info.Builtins, and the kinds of the
// names read, for the inference.
func (c *checker) finishRefs() {
	for _, r := range c.refs {
		sym := r.scope.Symbols[r.id.Name]
		if sym == nil {
			continue
		}
		c.info.Names[r.id] = sym
		if r.use == useBind {
			c.kinds[r.id] = c.kindOf(sym) // an augmented assignment reads its target too
		}
		if r.use != useRead && r.use != useAnnot {
			continue
		}
		if sym.Kind == BindBuiltin {
			c.info.Builtins[r.id] = sym.Builtin
		}
		if r.use == useRead {
			c.kinds[r.id] = c.kindOf(sym)
		}
	}
}

// landings works out where each binding lands, which names of the module
// are top-level functions the compiler may call directly, and
// Info.Globals.
func (c *checker) landings() {
	modBinds := make(map[string][]*binding)
	for _, bd := range c.bindings {
		bd.scope = c.landing(bd)
		if bd.scope == c.module {
			modBinds[bd.id.Name] = append(modBinds[bd.id.Name], bd)
		}
	}
	for name, bs := range modBinds {
		c.modBinds[name] = bs
		top := 0
		for _, bd := range bs {
			if d, ok := bd.node.(*ast.FuncDef); ok && bd.how == howDef && contains(c.file.Body, d) {
				top++
			}
		}
		if top < len(bs) {
			c.info.Globals = append(c.info.Globals, name)
		}
	}
	sort.Strings(c.info.Globals)
	// kinds were computed before the module's bindings were known
	for id, k := range c.kinds {
		if k == kindGlobal && c.stable(id.Name) {
			c.kinds[id] = kindFunc
		}
	}
}

// stable reports whether name is a top-level function bound by its def
// alone: a call to it may be compiled as a direct call.
func (c *checker) stable(name string) bool {
	bs := c.modBinds[name]
	if len(bs) != 1 || bs[0].how != howDef {
		return false
	}
	d, ok := bs[0].node.(*ast.FuncDef)
	return ok && contains(c.file.Body, d)
}

// landing returns the scope whose namespace a binding changes.
func (c *checker) landing(bd *binding) *Scope {
	sym := bd.scope.Symbols[bd.id.Name]
	if sym == nil {
		return bd.scope
	}
	switch sym.Kind {
	case BindLocal, BindClass:
		return bd.scope
	case BindFree:
		return sym.Owner
	}
	return c.module
}

func contains(body []ast.Stmt, s ast.Stmt) bool {
	for _, t := range body {
		if t == s {
			return true
		}
	}
	return false
}

// checkConsts applies the const rule: a name declared `const` is bound by
// its declaration only, in the scope it lands in.
func (c *checker) checkConsts() {
	type key struct {
		s    *Scope
		name string
	}
	groups := make(map[key][]*binding)
	var order []key
	for _, bd := range c.bindings {
		if bd.scope == nil {
			continue
		}
		k := key{bd.scope, bd.id.Name}
		if _, ok := groups[k]; !ok {
			order = append(order, k)
		}
		groups[k] = append(groups[k], bd)
	}
	for _, k := range order {
		bs := groups[k]
		var decl *binding
		for _, bd := range bs {
			if bd.decl == ast.DeclConst {
				decl = bd
				break
			}
		}
		if decl == nil {
			continue
		}
		sym := k.s.symbol(k.name)
		sym.Const, sym.ConstPos = true, decl.id.Pos
		line := decl.id.Pos.Start.Line
		for _, bd := range bs {
			switch {
			case bd == decl:
			case bd.how == howDel:
				c.errorf(bd.id.Pos, msgConstDelete, k.name, line)
			default:
				c.errorf(bd.id.Pos, msgConstAssign, k.name, line)
			}
		}
	}
}

// ---- kinds for the inference ----

// nameKind says what a name read in a top-level function refers to, for
// the inference.
type nameKind int

const (
	kindUndefined nameKind = iota // bound nowhere, not a builtin
	kindLocal                     // a local of the function
	kindGlobal                    // a module variable other than a stable top-level function
	kindFunc                      // a top-level function bound by its def alone
	kindBuiltin                   // a builtin
	kindFree                      // a variable of an enclosing scope (never in a top-level function)
)

func (c *checker) kindOf(sym *Symbol) nameKind {
	switch sym.Kind {
	case BindLocal:
		return kindLocal
	case BindGlobal:
		return kindGlobal // kindFunc once the module's bindings are known
	case BindBuiltin:
		return kindBuiltin
	case BindUndefined:
		return kindUndefined
	}
	return kindFree
}

// builtinName returns the canonical English name of a builtin or type
// spelled name in the program's language, or "".
func (c *checker) builtinName(name string) string {
	if b, ok := c.lang.Builtin(name); ok {
		return b
	}
	if t, ok := c.lang.TypeName(name); ok {
		return t
	}
	if pythonBuiltins[name] {
		return name
	}
	return ""
}

// ---- method aliases ----

// localizedMethods maps, per language code, a localized spelling of a
// method to its canonical English name. The language tables have no
// method names yet; tests fill it.
var localizedMethods = map[string]map[string]string{}

// methodCanon returns the canonical name of a method spelled name.
func (c *checker) methodCanon(name string) (string, bool) {
	if m, ok := localizedMethods[c.code][name]; ok {
		return m, true
	}
	if listMethods[name] || strMethods[name] {
		return name, true
	}
	return "", false
}

// resolveMethods fills Info.Methods. The canonical English name of a
// known method always maps to itself. A localized spelling (ajouter)
// maps to its English name (append) only when the translation cannot
// change what the program means:
//
//   - the program nowhere defines an attribute of that name: no class body
//     binds it (a method `def ajouter`, a class attribute `ajouter = ...`,
//     an import or nested class so named), no statement assigns or deletes
//     such an attribute (`self.ajouter = ...`), and no call or class
//     header passes a keyword argument of that name (which could set it);
//   - the object is not a name bound by an import (a module of ours or
//     of Python may define the method under the localized name).
//
// Otherwise the name is kept as written.
func (c *checker) resolveMethods() {
	var walk func(s *Scope)
	walk = func(s *Scope) {
		if s.Kind == ClassScope {
			for name, sym := range s.Symbols {
				if sym.Bound {
					c.attrDefs[name] = true
				}
			}
		}
		for _, ch := range s.Children {
			walk(ch)
		}
	}
	walk(c.module)
	for _, mc := range c.methodCalls {
		name := mc.at.Name.Name
		canon, ok := c.methodCanon(name)
		if !ok {
			continue
		}
		if canon != name {
			if c.attrDefs[name] {
				continue
			}
			if id, isID := mc.at.X.(*ast.Ident); isID && c.imported(id) {
				continue
			}
		}
		c.info.Methods[mc.at.Name] = canon
	}
}

// imported reports whether the variable id names is bound by an import.
func (c *checker) imported(id *ast.Ident) bool {
	sym := c.info.Names[id]
	if sym == nil || sym.Owner == nil {
		return false
	}
	o := sym.Owner.Symbols[id.Name]
	return o != nil && o.Imported
}

// spanOf is a Span safe on nil nodes and on partial trees (whose Span
// methods may dereference a missing child).
func spanOf(n ast.Node) (sp source.Span) {
	if isNil(n) {
		return source.Span{}
	}
	defer func() {
		if recover() != nil {
			sp = source.Span{}
		}
	}()
	return n.Span()
}
