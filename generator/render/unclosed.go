package render

import (
	"fmt"
	"strings"
)

// unclosedAt is an action that a template file leaves open.
type unclosedAt struct {
	offset int
	msg    string
}

// unclosed finds what the parser's "unexpected EOF" is about: the
// innermost block ({{if}}, {{range}}, {{with}}, {{define}}, {{block}}) that
// has no {{end}}, or an action or comment that is never closed. It reads
// actions as the template lexer does, quoted strings included, so a "}}"
// inside a string does not end one.
func unclosed(text string) (unclosedAt, bool) {
	type open struct {
		offset int
		action string
	}
	var stack []open
	for i := 0; ; {
		start := strings.Index(text[i:], "{{")
		if start < 0 {
			break
		}
		start += i
		body := start + 2
		if strings.HasPrefix(text[body:], "- ") {
			body += 2
		}
		if rest := strings.TrimLeft(text[body:], " \t\r\n"); strings.HasPrefix(rest, "/*") {
			end := strings.Index(rest, "*/")
			if end < 0 {
				return unclosedAt{start, "a comment {{/* has no */}}"}, true
			}
			i = len(text) - len(rest) + end + 2
			continue
		}
		end, ok := actionEnd(text, body)
		if !ok {
			return unclosedAt{start, "an action {{ has no }}"}, true
		}
		action := text[start:end]
		switch keyword(text[body:end]) {
		case "if", "range", "with", "define", "block":
			stack = append(stack, open{start, action})
		case "end":
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
		}
		i = end
	}
	if len(stack) == 0 {
		return unclosedAt{}, false
	}
	o := stack[len(stack)-1]
	return unclosedAt{o.offset, fmt.Sprintf("%s has no matching {{end}}", shorten(o.action))}, true
}

// actionEnd returns the offset just past the "}}" that closes the action
// whose body starts at i, skipping quoted strings.
func actionEnd(text string, i int) (int, bool) {
	for i < len(text) {
		switch c := text[i]; c {
		case '"', '\'', '`':
			j := i + 1
			for j < len(text) && text[j] != c {
				if text[j] == '\\' && c != '`' {
					j++
				}
				j++
			}
			i = j + 1
		case '}':
			if strings.HasPrefix(text[i:], "}}") {
				return i + 2, true
			}
			i++
		default:
			i++
		}
	}
	return 0, false
}

// keyword is the first word of an action's body.
func keyword(body string) string {
	body = strings.TrimLeft(body, " \t\r\n")
	end := strings.IndexFunc(body, func(r rune) bool { return r < 'a' || r > 'z' })
	if end < 0 {
		return body
	}
	return body[:end]
}

// shorten keeps an action short enough to quote in a message.
func shorten(action string) string {
	action = strings.Join(strings.Fields(action), " ")
	if r := []rune(action); len(r) > 40 {
		return string(r[:38]) + "…}}"
	}
	return action
}
