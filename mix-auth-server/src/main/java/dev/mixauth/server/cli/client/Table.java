package dev.mixauth.server.cli.client;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;

/** A text table with a header row, columns padded to their widest cell and two spaces between. */
final class Table {

  /** One cell: its text and the colour to print it in. */
  record Cell(String text, UnaryOperator<String> style) {
    static Cell plain(String text) {
      return new Cell(text == null ? "" : text, UnaryOperator.identity());
    }
  }

  private final List<String> headers;
  private final List<List<Cell>> rows = new ArrayList<>();

  Table(String... headers) {
    this.headers = List.of(headers);
  }

  void add(Cell... cells) {
    if (cells.length != headers.size()) {
      throw new IllegalArgumentException("row has " + cells.length + " cells, expected " + headers.size());
    }
    rows.add(Arrays.asList(cells));
  }

  void print(Output output) {
    int[] widths = new int[headers.size()];
    for (int column = 0; column < widths.length; column++) {
      widths[column] = width(headers.get(column));
      for (List<Cell> row : rows) {
        widths[column] = Math.max(widths[column], width(row.get(column).text()));
      }
    }

    List<Cell> headerCells = headers.stream().map(header -> new Cell(header, output::bold)).toList();
    output.println(line(headerCells, widths));
    for (List<Cell> row : rows) {
      output.println(line(row, widths));
    }
  }

  private static String line(List<Cell> cells, int[] widths) {
    StringBuilder line = new StringBuilder();
    for (int column = 0; column < cells.size(); column++) {
      String text = cells.get(column).text();
      // Styles only the text, so that escape codes never count as width.
      line.append(cells.get(column).style().apply(text));
      if (column < cells.size() - 1) {
        line.append(" ".repeat(widths[column] - width(text) + 2));
      }
    }
    return line.toString().stripTrailing();
  }

  private static int width(String text) {
    return text.codePointCount(0, text.length());
  }
}
