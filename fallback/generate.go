package fallback

import (
	"fmt"
	"reflect"
	"strconv"
	"strings"

	"github.com/multilingualprogramming/multilingual/core/ast"
	"github.com/multilingualprogramming/multilingual/core/check"
	"github.com/multilingualprogramming/multilingual/core/lang"
	"github.com/multilingualprogramming/multilingual/core/source"
)

// Generate returns the Python module for the checked program f: the
// program's top level in source order, its definitions run whenever the
// module is executed and its actions only when __ml_run__ is true, and
// the tables __ml_language__, __ml_functions__, __ml_names__ and
// __ml_lines__ (see the package documentation). info may be nil, in which
// case no name is a builtin and no function is compilable.
//
// A tree Python could not run as written (a break outside a loop, an
// integer literal that is not decimal, a nil node) gives an error, a
// *source.Error when the position is known. Generate never panics.
func Generate(f *ast.File, info *check.Info) (out string, err error) {
	if f == nil {
		return "", fmt.Errorf("fallback: no program")
	}
	g := &gen{file: f, info: info, funcs: make(map[*ast.FuncDef]*check.Func),
		hoisted: make(map[string]string)}
	defer func() {
		if r := recover(); r != nil {
			if e, ok := r.(genError); ok {
				out, err = "", e.err
				return
			}
			out, err = "", fmt.Errorf("fallback: internal error: %v", r)
		}
	}()
	return g.module(), nil
}

// genError carries a generation error through panic to Generate.
type genError struct{ err error }

// An outLine is one line of the module and the source line it comes from:
// 0 for none (the module's own lines), -1 for a blank line, which maps
// anywhere.
type outLine struct {
	text  string
	src   int32
	marks []mark // where expressions start and end on the line (see markStart)
}

// A gen writes one module.
type gen struct {
	file       *ast.File
	info       *check.Info
	lang       *lang.Language
	names      *namer
	funcs      map[*ast.FuncDef]*check.Func
	paramNames map[string]bool // names of the parameters of the program's defs and lambdas
	bound      map[string]bool // names the program binds somewhere

	lines  []outLine
	indent int
	cur    int32 // source line of the statement being written
	scope  scope
	annot  bool // writing an annotation
	fq     fctx // writing inside f-string fields

	hoisted    map[string]string // literal text -> module constant, for f-string fields
	hoistOrder []string
	needFormat bool // the module uses __ml_format__ and friends

	spans    []source.Span // source spans of the expressions marked in the text, by mark id
	fstrings int           // f-strings being written: their fields are not marked
}

// A stmtKind says when a top-level statement runs.
type stmtKind int

const (
	kindAction     stmtKind = iota // runs only with __ml_run__
	kindDefinition                 // runs whenever the module is executed
	kindSkip                       // written elsewhere (docstring, __future__ import)
)

// module writes the whole module and returns its text.
func (g *gen) module() string {
	if g.info != nil {
		for _, fn := range g.info.Funcs {
			switch {
			case fn == nil:
			case fn.Source != nil:
				g.funcs[fn.Source] = fn // Decl is the compiled (lowered) copy
			case fn.Decl != nil:
				g.funcs[fn.Decl] = fn
			}
		}
	}
	g.lang, _ = lang.Get(g.file.Lang)
	vars, attrs := g.collectNames()
	g.names = newNamer(vars, g.usedBuiltins(), attrs...)

	body := g.file.Body
	for _, s := range body {
		if isNilNode(s) {
			g.failf(nil, "missing statement")
		}
	}
	kinds := g.classify(body)
	futures := []string{"annotations"}
	for i, s := range body {
		if i == 0 && isDocstring(s) {
			kinds[i] = kindSkip
		}
		if imp, ok := s.(*ast.ImportFrom); ok && imp.Level == 0 && imp.ModuleName() == "__future__" {
			kinds[i] = kindSkip
			for _, a := range imp.Names {
				if a != nil && len(a.Path) == 1 && a.Path[0] != nil && a.Path[0].Name != "annotations" {
					futures = append(futures, a.Path[0].Name)
				}
			}
		}
	}

	// The program's statements.
	var order, defined []string
	listed := make(map[string]bool)
	binds := false
	prevDef := false
	for i := 0; i < len(body); {
		s := body[i]
		switch kinds[i] {
		case kindSkip:
			i++
			continue
		case kindDefinition:
			_, isDef := s.(*ast.FuncDef)
			_, isClass := s.(*ast.ClassDef)
			if isDef || isClass || prevDef {
				g.blank(2)
			}
			prevDef = isDef || isClass
			binds = g.topStmt(s) || binds
			if d, ok := s.(*ast.FuncDef); ok {
				defined = append(defined, d.Name.Name)
			}
			i++
		case kindAction:
			if prevDef {
				g.blank(2)
			}
			prevDef = false
			g.at(s)
			g.line("if __ml_run__:")
			g.indent++
			n := len(g.lines)
			for ; i < len(body) && kinds[i] != kindDefinition; i++ {
				if kinds[i] == kindAction {
					binds = g.topStmt(body[i]) || binds
				}
			}
			if len(g.lines) == n {
				g.line("pass")
			}
			g.indent--
		}
	}
	for _, d := range g.file.Funcs() {
		if d != nil && d.Name != nil && !listed[d.Name.Name] {
			listed[d.Name.Name] = true
			order = append(order, d.Name.Name)
		}
	}
	stmts := g.lines

	// The head: comments, docstring, __future__ import, our globals.
	g.lines = nil
	g.cur = 0
	name := g.file.Name
	if name == "" {
		name = "<source>"
	}
	langDesc := g.file.Lang
	if g.lang != nil {
		langDesc = g.lang.Name + ", " + g.lang.Code
	}
	g.line("# Code generated by multilingual from \"" + commentText(name) + "\" (" + commentText(langDesc) + "). DO NOT EDIT.")
	g.line("#")
	g.line("# The program with Python's semantics, the reference the WebAssembly backend")
	g.line("# must match. Executing the module runs the definitions of the top level")
	g.line("# (def, class, import, assignments that call nothing); the other statements")
	g.line("# run only when __ml_run__ is true, as it is when run as a script.")
	g.blank(1)
	if len(body) > 0 && isDocstring(body[0]) {
		g.stmt(body[0])
		g.cur = 0
	}
	g.line("from __future__ import " + strings.Join(futures, ", "))
	g.blank(1)
	g.line("__ml_language__ = " + g.str(g.file.Lang))
	g.line(`__ml_run__ = globals().get("__ml_run__", __name__ == "__main__")`)
	if binds {
		g.line(`__ml_bind__ = globals().get("__ml_bind__") or (lambda _name, function: function)`)
	}
	if g.needFormat {
		g.line("__ml_format__, __ml_repr__, __ml_str__, __ml_ascii__ = format, repr, str, ascii")
	}
	for i, lit := range g.hoistOrder {
		g.line("__ml_s" + strconv.Itoa(i+1) + "__ = " + lit)
	}
	head := g.lines

	// The tables.
	g.lines = []outLine{{src: -1}, {src: -1}}
	src := make([]string, len(order))
	for i, n := range order {
		src[i] = g.str(n)
	}
	g.line("__ml_functions__ = [" + strings.Join(src, ", ") + "]")
	var pairs []string
	seen := make(map[string]bool)
	for i := len(defined) - 1; i >= 0; i-- {
		if n := defined[i]; !seen[n] {
			seen[n] = true
			pairs = append([]string{g.str(n) + ": " + g.names.name(n)}, pairs...)
		}
	}
	g.line("__ml_names__ = {" + strings.Join(pairs, ", ") + "}")
	tail := g.lines

	all := append([]outLine{}, head...)
	if len(stmts) > 0 {
		all = append(all, outLine{src: -1}, outLine{src: -1})
		all = append(all, stmts...)
	}
	all = append(all, tail...)
	all = append(all, outLine{text: "__ml_cols__ = " + g.colTable(all)})
	all = append(all, outLine{text: "__ml_lines__ = " + lineTable(all, len(all)+1)})
	var b strings.Builder
	for _, l := range all {
		b.WriteString(l.text)
		b.WriteByte('\n')
	}
	return b.String()
}

// topStmt writes a top-level statement; a def the WebAssembly backend
// may compile is followed by its binding through __ml_bind__, which
// reports true.
func (g *gen) topStmt(s ast.Stmt) bool {
	g.scope = scope{}
	g.stmt(s)
	d, ok := s.(*ast.FuncDef)
	if !ok {
		return false
	}
	fn := g.funcs[d]
	if fn == nil || !(fn.Compilable || fn.Internal) {
		return false
	}
	g.at(d)
	py := g.names.name(d.Name.Name)
	g.line(py + " = __ml_bind__(" + g.str(d.Name.Name) + ", " + py + ")")
	return true
}

// classify decides, in source order, which top-level statements are
// definitions: def, class, import, assignments of names whose value calls
// nothing, and if and try statements made of definitions whose conditions
// and exception types call nothing. A statement that reads a name an
// earlier action may have changed is an action too, since the module's
// definitions run without the actions: `app = Flask(...)` then
// `@app.route(...) def index()` both wait for __ml_run__. The names an
// action may change are those it binds, those whose object it visibly
// mutates (`d[k] = v`, `d.x = v`, `xs.append(v)`, `del d[k]`) and those
// any function declares global.
func (g *gen) classify(body []ast.Stmt) []stmtKind {
	kinds := make([]stmtKind, len(body))
	byAction := make(map[string]bool)
	// Names that functions declare global: any action may rebind them.
	declared := make(map[string]bool)
	ast.InspectFile(g.file, func(n ast.Node) bool {
		if d, ok := n.(*ast.FuncDef); ok {
			ast.Inspect(d, func(n ast.Node) bool {
				if gl, ok := n.(*ast.Global); ok {
					for _, id := range gl.Names {
						if id != nil {
							declared[id.Name] = true
						}
					}
				}
				return true
			})
			return false
		}
		return true
	})
	for i, s := range body {
		if g.isDefinition(s, byAction) {
			kinds[i] = kindDefinition
			switch s := s.(type) {
			case *ast.If, *ast.Try:
				// Their bindings are conditional: what an action bound may stay.
			case *ast.AnnAssign:
				if s.Value != nil { // `x: int` binds nothing
					stmtBindings(s, func(id *ast.Ident, _ bindKind) { delete(byAction, id.Name) })
				}
			default:
				stmtBindings(s, func(id *ast.Ident, _ bindKind) { delete(byAction, id.Name) })
			}
			continue
		}
		stmtBindings(s, func(id *ast.Ident, _ bindKind) { byAction[id.Name] = true })
		walkMutated(s, func(id *ast.Ident) { byAction[id.Name] = true })
		for n := range declared {
			byAction[n] = true
		}
	}
	return kinds
}

// isDefinition reports whether top-level statement s may run when the
// module is loaded, given the names bound by earlier actions.
func (g *gen) isDefinition(s ast.Stmt, byAction map[string]bool) bool {
	readsAction := func(n ast.Node) bool {
		found := false
		walkReads(n, func(id *ast.Ident) {
			if byAction[id.Name] {
				found = true
			}
		})
		return found
	}
	switch s := s.(type) {
	case *ast.FuncDef, *ast.ClassDef:
		return !readsAction(s)
	case *ast.Import, *ast.ImportFrom, *ast.Pass:
		return true
	case *ast.Assign:
		if !nameTarget(s.Target) {
			return false
		}
		for _, t := range s.Chain {
			if !nameTarget(t) {
				return false
			}
		}
		return callsNothing(s.Value) && !readsAction(s.Value)
	case *ast.AnnAssign:
		if _, ok := s.Target.(*ast.Ident); !ok {
			return false
		}
		return s.Value == nil || callsNothing(s.Value) && !readsAction(s.Value)
	case *ast.If:
		return callsNothing(s.Cond) && !readsAction(s.Cond) &&
			g.allDefinitions(s.Body, byAction) && g.allDefinitions(s.Else, byAction)
	case *ast.Try:
		if s.Star || !g.allDefinitions(s.Body, byAction) || !g.allDefinitions(s.Else, byAction) ||
			!g.allDefinitions(s.Finally, byAction) {
			return false
		}
		for _, h := range s.Handlers {
			if h == nil || h.Type != nil && (!callsNothing(h.Type) || readsAction(h.Type)) ||
				!g.allDefinitions(h.Body, byAction) {
				return false
			}
		}
		return true
	}
	return false
}

// allDefinitions reports whether every statement of a nested block is a
// definition.
func (g *gen) allDefinitions(body []ast.Stmt, byAction map[string]bool) bool {
	for _, s := range body {
		if isNilNode(s) || !g.isDefinition(s, byAction) {
			return false
		}
	}
	return true
}

// lineTable returns __ml_lines__, the map from the module's lines to the
// source's, as a flat tuple of pairs (line, source line): from each listed
// line on, line L maps to source line S + (L - line), or to no line when
// S is 0, until the next pair. Blank lines map anywhere.
func lineTable(lines []outLine, last int) string {
	var parts []string
	g0, s0 := 0, int32(-1)
	for i, l := range lines {
		if l.src < 0 {
			continue
		}
		n := i + 1
		want := int32(0)
		if s0 > 0 {
			want = s0 + int32(n-g0)
		}
		if s0 < 0 || l.src != want {
			g0, s0 = n, l.src
			parts = append(parts, strconv.Itoa(n), strconv.Itoa(int(l.src)))
		}
	}
	if s0 != 0 {
		parts = append(parts, strconv.Itoa(last), "0")
	}
	return "(" + strings.Join(parts, ", ") + ")"
}

// line writes one line at the current indentation; the line breaks
// marked in s (see lineBreak) start continuation lines, one level deeper,
// mapped to their own source lines.
func (g *gen) line(s string) {
	src := g.cur
	if s == "" {
		g.lines = append(g.lines, outLine{src: -1})
		return
	}
	ind := strings.Repeat("    ", g.indent)
	for {
		i := strings.Index(s, lineBreak)
		if i < 0 {
			break
		}
		j := strings.Index(s[i+1:], lineBreak) + i + 1
		g.lines = append(g.lines, markedLine(ind+strings.TrimRight(s[:i], " "), src))
		n, _ := strconv.Atoi(s[i+1 : j])
		src, s, ind = int32(n), strings.TrimLeft(s[j+1:], " "), strings.Repeat("    ", g.indent+1)
	}
	g.lines = append(g.lines, markedLine(ind+s, src))
}

// blank writes up to n blank lines, none at the start of the module part
// being written nor after blank lines already there.
func (g *gen) blank(n int) {
	have := 0
	for i := len(g.lines) - 1; i >= 0 && g.lines[i].text == ""; i-- {
		have++
	}
	if len(g.lines) == 0 {
		return
	}
	for ; have < n; have++ {
		g.lines = append(g.lines, outLine{src: -1})
	}
}

// str returns the Python literal for s, failing on invalid UTF-8.
func (g *gen) str(s string) string {
	lit, err := stringLiteral(s)
	if err != nil {
		g.fail(nil, err)
	}
	return lit
}

// builtinOf returns the canonical name of id when the checker resolved it
// to a builtin.
func (g *gen) builtinOf(id *ast.Ident) (string, bool) {
	if g.info == nil || id == nil {
		return "", false
	}
	canon, ok := g.info.Builtins[id]
	if ok && !isASCIIIdent(canon) {
		g.failf(id, "builtin %q has no Python name %q", id.Name, canon)
	}
	return canon, ok
}

// usedBuiltins returns the canonical names of the builtins the program
// calls by another name (ausgeben for print): a program variable of that
// name must be renamed, or it would hide the builtin in the generated
// code. A builtin written by its own name needs nothing: where the
// program binds that name, the checker resolves it to the program's
// variable, as Python does.
func (g *gen) usedBuiltins() map[string]bool {
	used := make(map[string]bool)
	if g.info != nil {
		for id, canon := range g.info.Builtins {
			if id != nil && id.Name != canon {
				used[canon] = true
			}
		}
	}
	return used
}

// collectNames returns every program name of the file (function,
// class and parameter names, names read or bound, names of `global`
// statements) and every attribute name (after a dot, imported from a
// module, keywords of class patterns and of calls to functions the
// program does not define). Builtins and resolved method names are
// neither. It also fills paramNames and bound.
func (g *gen) collectNames() (vars, attrs []string) {
	g.paramNames = make(map[string]bool)
	g.bound = make(map[string]bool)
	addBound := func(id *ast.Ident, _ bindKind) { g.bound[id.Name] = true }
	walkBindings(g.file.Body, addBound)
	ast.InspectFile(g.file, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncDef:
			for _, p := range n.Params {
				if p != nil && p.Name != nil {
					g.paramNames[p.Name.Name] = true
					g.bound[p.Name.Name] = true
				}
			}
			walkBindings(n.Body, addBound)
		case *ast.Lambda:
			for _, p := range n.Params {
				if p != nil && p.Name != nil {
					g.paramNames[p.Name.Name] = true
					g.bound[p.Name.Name] = true
				}
			}
		case *ast.ClassDef:
			walkBindings(n.Body, addBound)
		case *ast.CompFor:
			targetBindings(n.Target, addBound)
		}
		return true
	})
	var visit func(n ast.Node) bool
	visit = func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.TypeExpr:
			return false // annotation names are spelled on their own (annotIdent)
		case *ast.Attribute:
			ast.Inspect(n.X, visit)
			if n.Name != nil {
				resolved := false
				if g.info != nil {
					_, resolved = g.info.Methods[n.Name]
				}
				if !resolved {
					attrs = append(attrs, n.Name.Name)
				}
			}
			return false
		case *ast.Keyword:
			if n.Name != nil && !g.paramNames[n.Name.Name] {
				attrs = append(attrs, n.Name.Name)
			}
			ast.Inspect(n.Value, visit)
			return false
		case *ast.MatchClass:
			ast.Inspect(n.Cls, visit)
			for _, p := range n.Patterns {
				ast.Inspect(p, visit)
			}
			for i, a := range n.KwdAttrs {
				if a != nil {
					attrs = append(attrs, a.Name)
				}
				if i < len(n.KwdPatterns) {
					ast.Inspect(n.KwdPatterns[i], visit)
				}
			}
			return false
		case *ast.Import:
			for _, a := range n.Names {
				if a == nil {
					continue
				}
				for _, id := range a.Path {
					if id != nil {
						attrs = append(attrs, id.Name)
					}
				}
				if a.AsName != nil {
					vars = append(vars, a.AsName.Name)
				} else if len(a.Path) > 0 && a.Path[0] != nil {
					vars = append(vars, a.Path[0].Name)
				}
			}
			return false
		case *ast.ImportFrom:
			for _, id := range n.Module {
				if id != nil {
					attrs = append(attrs, id.Name)
				}
			}
			for _, a := range n.Names {
				if a == nil || len(a.Path) == 0 || a.Path[0] == nil || a.Path[0].Name == "*" {
					continue
				}
				attrs = append(attrs, a.Path[0].Name)
				if a.AsName != nil {
					vars = append(vars, a.AsName.Name)
				} else {
					vars = append(vars, a.Path[0].Name)
				}
			}
			return false
		case *ast.Ident:
			if _, ok := g.builtinOf(n); !ok {
				vars = append(vars, n.Name)
			}
		}
		return true
	}
	ast.InspectFile(g.file, visit)
	return vars, attrs
}

// failf stops generation with an error at n's position.
func (g *gen) failf(n ast.Node, format string, args ...any) {
	g.fail(n, fmt.Errorf(format, args...))
}

// fail stops generation with err, located at n when n has a position.
func (g *gen) fail(n ast.Node, err error) {
	sp := spanOf(n)
	if !sp.Start.IsValid() {
		panic(genError{fmt.Errorf("fallback: %s: %w", g.fileName(), err)})
	}
	panic(genError{&source.Error{
		File: g.fileName(), Start: sp.Start, End: sp.End, Lang: g.file.Lang,
		Msg: "fallback: " + err.Error(),
	}})
}

// fileName returns the file name for errors.
func (g *gen) fileName() string {
	if g.file.Name == "" {
		return "<source>"
	}
	return g.file.Name
}

// isNilNode reports whether n is nil or a typed nil pointer.
func isNilNode(n ast.Node) bool {
	if n == nil {
		return true
	}
	v := reflect.ValueOf(n)
	return v.Kind() == reflect.Pointer && v.IsNil()
}

// spanOf returns n's span, or the zero span when n is nil or a nil pointer
// (whose Span method would fault).
func spanOf(n ast.Node) (sp source.Span) {
	if isNilNode(n) {
		return sp
	}
	defer func() {
		if recover() != nil {
			sp = source.Span{}
		}
	}()
	return n.Span()
}
