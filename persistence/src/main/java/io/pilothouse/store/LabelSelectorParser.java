package io.pilothouse.store;

import io.pilothouse.store.LabelRequirement.Operator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Lexer and recursive-descent parser of the label selector string syntax, a port of upstream's
 * {@code labels.Parse} that keeps its grammar ({@code x in (a,b),y,!z,w!=v}) and error messages.
 */
final class LabelSelectorParser {

  /** The lexer's tokens, as upstream names them. */
  enum Token {
    ERROR,
    END,
    CLOSED_PAR,
    COMMA,
    DOES_NOT_EXIST,
    DOUBLE_EQUALS,
    EQUALS,
    GREATER_THAN,
    IDENTIFIER,
    IN,
    LESS_THAN,
    NOT_EQUALS,
    NOT_IN,
    OPEN_PAR
  }

  private record Item(Token token, String literal) {}

  private static final Map<String, Token> LITERALS =
      Map.ofEntries(
          Map.entry(")", Token.CLOSED_PAR),
          Map.entry(",", Token.COMMA),
          Map.entry("!", Token.DOES_NOT_EXIST),
          Map.entry("==", Token.DOUBLE_EQUALS),
          Map.entry("=", Token.EQUALS),
          Map.entry(">", Token.GREATER_THAN),
          Map.entry("in", Token.IN),
          Map.entry("<", Token.LESS_THAN),
          Map.entry("!=", Token.NOT_EQUALS),
          Map.entry("notin", Token.NOT_IN),
          Map.entry("(", Token.OPEN_PAR));

  private static final String BINARY_OPERATORS = "in, notin, =, ==, !=, gt, lt";

  private final String input;
  private int pos;
  private final List<Item> items = new ArrayList<>();
  private int position;

  private LabelSelectorParser(String input) {
    this.input = input;
  }

  static List<LabelRequirement> parse(String selector) {
    LabelSelectorParser p = new LabelSelectorParser(selector);
    p.scan();
    return p.parseSelector();
  }

  // ---- lexer

  private void scan() {
    while (true) {
      Item item = lex();
      items.add(item);
      if (item.token == Token.END) {
        return;
      }
    }
  }

  private Item lex() {
    while (pos < input.length() && isWhitespace(input.charAt(pos))) {
      pos++;
    }
    if (pos >= input.length()) {
      return new Item(Token.END, "");
    }
    return isSpecial(input.charAt(pos)) ? scanSpecialSymbol() : scanIdOrKeyword();
  }

  private Item scanIdOrKeyword() {
    int start = pos;
    while (pos < input.length()
        && !isSpecial(input.charAt(pos))
        && !isWhitespace(input.charAt(pos))) {
      pos++;
    }
    String s = input.substring(start, pos);
    return new Item(LITERALS.getOrDefault(s, Token.IDENTIFIER), s);
  }

  private Item scanSpecialSymbol() {
    int start = pos;
    Item last = null;
    while (pos < input.length() && isSpecial(input.charAt(pos))) {
      String buffer = input.substring(start, pos + 1);
      Token token = LITERALS.get(buffer);
      if (token != null) {
        last = new Item(token, buffer);
      } else if (last != null) {
        break;
      }
      pos++;
    }
    if (last == null) {
      return new Item(
          Token.ERROR, "error expected: keyword found '" + input.substring(start, pos) + "'");
    }
    pos = start + last.literal.length();
    return last;
  }

  private static boolean isWhitespace(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
  }

  private static boolean isSpecial(char c) {
    return c == '=' || c == '!' || c == '(' || c == ')' || c == ',' || c == '>' || c == '<';
  }

  // ---- parser

  /** In a value position the keywords {@code in} and {@code notin} are plain identifiers. */
  private Item lookahead(boolean values) {
    return asValue(items.get(position), values);
  }

  private Item consume(boolean values) {
    return asValue(items.get(position++), values);
  }

  private static Item asValue(Item item, boolean values) {
    if (values && (item.token == Token.IN || item.token == Token.NOT_IN)) {
      return new Item(Token.IDENTIFIER, item.literal);
    }
    return item;
  }

  private List<LabelRequirement> parseSelector() {
    List<LabelRequirement> requirements = new ArrayList<>();
    while (true) {
      Item next = lookahead(true);
      if (next.token == Token.END) {
        return requirements;
      }
      if (next.token != Token.IDENTIFIER && next.token != Token.DOES_NOT_EXIST) {
        throw fail("found '%s', expected: !, identifier, or 'end of string'", next.literal);
      }
      try {
        requirements.add(parseRequirement());
      } catch (InvalidSelectorException e) {
        throw new InvalidSelectorException("unable to parse requirement: " + e.getMessage());
      }
      Item after = consume(true);
      if (after.token == Token.END) {
        return requirements;
      }
      if (after.token != Token.COMMA) {
        throw fail("found '%s', expected: ',' or 'end of string'", after.literal);
      }
      Item following = lookahead(true);
      if (following.token != Token.IDENTIFIER && following.token != Token.DOES_NOT_EXIST) {
        throw fail("found '%s', expected: identifier after ','", following.literal);
      }
    }
  }

  private LabelRequirement parseRequirement() {
    boolean negated = false;
    Item item = consume(true);
    if (item.token == Token.DOES_NOT_EXIST) {
      negated = true;
      item = consume(true);
    }
    if (item.token != Token.IDENTIFIER) {
      throw fail("found '%s', expected: identifier", item.literal);
    }
    String key = item.literal;
    List<String> keyErrors = LabelValidation.labelKeyErrors(key);
    if (!keyErrors.isEmpty()) {
      throw new InvalidSelectorException(LabelValidation.invalid("<nil>", key, keyErrors));
    }
    Token next = lookahead(true).token;
    if (negated) {
      return LabelRequirement.of(key, Operator.DOES_NOT_EXIST, List.of());
    }
    if (next == Token.END || next == Token.COMMA) {
      return LabelRequirement.of(key, Operator.EXISTS, List.of());
    }
    Operator operator = parseOperator();
    List<String> values =
        operator == Operator.IN || operator == Operator.NOT_IN ? parseValues() : parseExactValue();
    return LabelRequirement.of(key, operator, values);
  }

  private Operator parseOperator() {
    Item item = consume(false);
    return switch (item.token) {
      case IN -> Operator.IN;
      case EQUALS -> Operator.EQUALS;
      case DOUBLE_EQUALS -> Operator.DOUBLE_EQUALS;
      case GREATER_THAN -> Operator.GREATER_THAN;
      case LESS_THAN -> Operator.LESS_THAN;
      case NOT_IN -> Operator.NOT_IN;
      case NOT_EQUALS -> Operator.NOT_EQUALS;
      default -> throw fail("found '%s', expected: %s", item.literal, BINARY_OPERATORS);
    };
  }

  private List<String> parseValues() {
    Item open = consume(true);
    if (open.token != Token.OPEN_PAR) {
      throw fail("found '%s' expected: '('", open.literal);
    }
    Item next = lookahead(true);
    switch (next.token) {
      case IDENTIFIER, COMMA -> {
        List<String> values = parseIdentifiersList();
        if (consume(true).token != Token.CLOSED_PAR) {
          throw fail("found '%s', expected: ')'", next.literal);
        }
        return values;
      }
      case CLOSED_PAR -> {
        consume(true);
        return List.of("");
      }
      default -> throw fail("found '%s', expected: ',', ')' or identifier", next.literal);
    }
  }

  private List<String> parseIdentifiersList() {
    TreeSet<String> values = new TreeSet<>();
    while (true) {
      Item item = consume(true);
      if (item.token == Token.IDENTIFIER) {
        values.add(item.literal);
        Item next = lookahead(true);
        if (next.token == Token.CLOSED_PAR) {
          return List.copyOf(values);
        }
        if (next.token != Token.COMMA) {
          throw fail("found '%s', expected: ',' or ')'", next.literal);
        }
      } else if (item.token == Token.COMMA) {
        if (values.isEmpty()) {
          values.add("");
        }
        Token next = lookahead(true).token;
        if (next == Token.CLOSED_PAR || next == Token.COMMA) {
          values.add("");
        }
        if (next == Token.CLOSED_PAR) {
          return List.copyOf(values);
        }
      } else {
        throw fail("found '%s', expected: ',', or identifier", item.literal);
      }
    }
  }

  private List<String> parseExactValue() {
    Token next = lookahead(true).token;
    if (next == Token.END || next == Token.COMMA) {
      return List.of("");
    }
    Item item = consume(true);
    if (item.token == Token.IDENTIFIER) {
      return List.of(item.literal);
    }
    throw fail("found '%s', expected: identifier", item.literal);
  }

  private static InvalidSelectorException fail(String format, Object... args) {
    return new InvalidSelectorException(String.format(format, args));
  }
}
