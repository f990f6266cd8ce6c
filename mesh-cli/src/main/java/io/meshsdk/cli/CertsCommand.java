package io.meshsdk.cli;

import io.meshsdk.core.identity.Durations;
import io.meshsdk.core.identity.IdentityException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code mesh certs}: check and generate Linkerd identity certificates. */
@Command(
    name = "certs",
    mixinStandardHelpOptions = true,
    versionProvider = VersionCommand.Provider.class,
    description = "Check and generate Linkerd identity certificates (trust anchors and issuers).",
    subcommands = {CertsCheckCommand.class, CertsGenerateCommand.class})
final class CertsCommand implements Runnable {
  @CommandLine.Spec private CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing required subcommand");
  }

  /** Converts {@code 60d}, {@code 1440h} or ISO-8601 to a positive duration. */
  static final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      Duration d = parseDuration(value);
      if (d.isZero()) {
        throw new CommandLine.TypeConversionException(
            "'" + value + "': the duration must be positive");
      }
      return d;
    }
  }

  /**
   * Parses {@code 60d}, {@code 90s}, {@code 5m} or ISO-8601 as a duration that is not negative.
   *
   * @param value the argument
   * @return the duration, possibly zero
   * @throws CommandLine.TypeConversionException naming what is wrong
   */
  static Duration parseDuration(String value) {
    Duration d;
    try {
      d = Durations.parse(value);
    } catch (IdentityException e) {
      throw new CommandLine.TypeConversionException(e.getMessage());
    }
    if (d.isNegative()) {
      throw new CommandLine.TypeConversionException(
          "'" + value + "': the duration must not be negative");
    }
    return d;
  }

  /** Converts an RFC 3339 timestamp such as {@code 2026-01-01T00:00:00Z}. */
  static final class InstantConverter implements CommandLine.ITypeConverter<Instant> {
    @Override
    public Instant convert(String value) {
      try {
        return OffsetDateTime.parse(value).toInstant();
      } catch (DateTimeParseException e) {
        throw new CommandLine.TypeConversionException(
            "'" + value + "' is not an RFC 3339 timestamp such as 2026-01-01T00:00:00Z");
      }
    }
  }
}
