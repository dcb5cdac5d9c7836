package io.streametl.sink.state.aggregate;

import java.math.BigDecimal;
import org.apache.kafka.connect.errors.ConnectException;

/**
 * An exact sum where the inputs allow one: integers in a long (moving to a decimal rather than
 * overflowing), decimals in a BigDecimal; once a floating-point input arrives (type {@code
 * number} or {@code double}) the sum is a double, and rounds. The result is null when no record
 * had a value, as SQL's SUM of nothing.
 */
final class SumAccumulator implements MetricAccumulator {

  private final MetricSpec metric;
  private boolean any;
  private long longSum;
  private BigDecimal decimalSum; // non-null once the sum is a decimal
  private boolean isDouble;
  private double doubleSum;

  SumAccumulator(MetricSpec metric) {
    this.metric = metric;
  }

  @Override
  public void add(Object input) {
    any = true;
    if (isDouble || input instanceof Double) {
      addDouble(((Number) input).doubleValue());
    } else if (decimalSum != null || input instanceof BigDecimal) {
      addDecimal(input instanceof BigDecimal d ? d : BigDecimal.valueOf((Long) input));
    } else {
      long value = (Long) input;
      long sum = longSum + value;
      if (((longSum ^ sum) & (value ^ sum)) < 0) { // overflowed
        addDecimal(BigDecimal.valueOf(value));
      } else {
        longSum = sum;
      }
    }
  }

  private void addDecimal(BigDecimal value) {
    if (decimalSum == null) {
      decimalSum = BigDecimal.valueOf(longSum);
    }
    decimalSum = decimalSum.add(value);
  }

  private void addDouble(double value) {
    if (!isDouble) {
      isDouble = true;
      doubleSum = decimalSum != null ? decimalSum.doubleValue() : longSum;
    }
    doubleSum += value;
  }

  @Override
  public Object result() {
    if (!any) {
      return null;
    }
    if (isDouble) {
      return doubleSum;
    }
    if (decimalSum == null) {
      return longSum;
    }
    if (metric.type() == ValueType.LONG) {
      throw new ConnectException(metric + " exceeds int64 in one window and group; the table column cannot hold "
          + "it. Declare the metric :decimal in the aggregation's metrics config");
    }
    return decimalSum;
  }
}
