package parser

import (
	"math"
	"strconv"
	"strings"

	"github.com/multilingualprogramming/multilingual/core/ast"
	"github.com/multilingualprogramming/multilingual/core/lexer"
	"github.com/multilingualprogramming/multilingual/core/source"
)

// number parses an INT, FLOAT or IMAG token.
func (p *parser) number() ast.Expr {
	t := p.tok()
	p.next()
	switch t.Kind {
	case lexer.INT:
		return &ast.IntLit{Pos: t.Span, Text: t.Value}
	case lexer.IMAG:
		return &ast.ImagLit{Pos: t.Span, Text: t.Value}
	}
	v, err := strconv.ParseFloat(t.Value, 64)
	if err != nil && !errorsIsRange(err) {
		v = math.NaN() // the lexer already reported a malformed literal
	}
	return &ast.FloatLit{Pos: t.Span, Text: t.Value, Value: v}
}

func errorsIsRange(err error) bool {
	ne, ok := err.(*strconv.NumError)
	return ok && ne.Err == strconv.ErrRange
}

// strings parses adjacent string literals, which concatenate as in
// Python: a StrLit, a BytesLit, or an FString when any of them is an
// f-string. Bytes do not mix with the others.
func (p *parser) strings() ast.Expr {
	start := p.tok().Span
	end := start
	var lit strings.Builder
	var parts []ast.Expr
	var litStart source.Span
	sawBytes, sawText, sawF := false, false, false
	flush := func() {
		if lit.Len() > 0 {
			parts = append(parts, &ast.StrLit{Pos: litStart, Value: lit.String()})
			lit.Reset()
		}
	}
	for {
		t := p.tok()
		switch t.Kind {
		case lexer.STRING:
			sawText = true
			if lit.Len() == 0 {
				litStart = t.Span
			}
			lit.WriteString(t.Value)
		case lexer.BYTES:
			sawBytes = true
			lit.WriteString(t.Value)
		case lexer.FSTRING:
			sawF = true
			if lit.Len() == 0 {
				litStart = t.Span
			}
			p.fparts(t.FParts, t.Span, &lit, &litStart, &parts, flush)
		default:
			span := source.Span{Start: start.Start, End: end.End}
			if sawBytes && (sawText || sawF) {
				p.fail(span, msgMixBytes)
			}
			if sawBytes {
				return &ast.BytesLit{Pos: span, Value: lit.String()}
			}
			if !sawF {
				return &ast.StrLit{Pos: span, Value: lit.String()}
			}
			flush()
			return &ast.FString{Pos: span, Parts: parts}
		}
		end = t.Span
		p.next()
	}
}

// fparts appends the pieces of one f-string token to the literal being
// built (lit) and the parts list: literal text merges with its neighbours,
// fields are parsed from their source text.
func (p *parser) fparts(fps []lexer.FPart, tokSpan source.Span, lit *strings.Builder, litStart *source.Span,
	parts *[]ast.Expr, flush func()) {
	for _, fp := range fps {
		if fp.Expr == "" {
			if lit.Len() == 0 {
				*litStart = tokSpan
			}
			lit.WriteString(fp.Lit)
			continue
		}
		if fp.Debug != "" {
			if lit.Len() == 0 {
				*litStart = tokSpan
			}
			lit.WriteString(fp.Debug)
		}
		flush()
		*parts = append(*parts, p.field(fp, tokSpan))
	}
}

// field parses one replacement field of an f-string.
func (p *parser) field(fp lexer.FPart, tokSpan source.Span) *ast.FormattedValue {
	fv := &ast.FormattedValue{X: p.subExpr(fp.Expr, fp.At), Conv: fp.Conv, Debug: fp.Debug}
	if fp.Debug != "" && fp.Conv == 0 && !fp.HasSpec {
		fv.Conv = 'r' // Python shows {x=} with repr unless told otherwise
	}
	if fp.HasSpec {
		spec := &ast.FString{Pos: tokSpan}
		var lit strings.Builder
		var litStart source.Span
		flush := func() {
			if lit.Len() > 0 {
				spec.Parts = append(spec.Parts, &ast.StrLit{Pos: litStart, Value: lit.String()})
				lit.Reset()
			}
		}
		p.fparts(fp.Spec, tokSpan, &lit, &litStart, &spec.Parts, flush)
		flush()
		fv.Spec = spec
	}
	return fv
}

// subExpr parses the source text of an f-string field, which starts at
// position at of the file.
func (p *parser) subExpr(text string, at source.Pos) ast.Expr {
	toks, errs := lexer.ScanExpr(p.file, text, p.lang, at)
	sub := &parser{file: p.file, src: p.src, lang: p.lang, toks: toks, depth: p.depth}
	var x ast.Expr
	ok := len(errs) == 0 && sub.try(func() {
		x = sub.starExprsOrYield()
		if sub.tok().Kind != lexer.EOF {
			sub.failUnexpected(msgEndOfLine)
		}
	})
	for _, e := range errs {
		if e.Text == "" {
			e.Text = source.LineText(p.src, e.Start.Line)
		}
	}
	p.errs = append(p.errs, errs...)
	p.errs = append(p.errs, sub.errs...)
	if !ok {
		panic(bailout{})
	}
	return x
}
