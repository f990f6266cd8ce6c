package io.meshsdk.inject.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SnakeCaseTest {

  @ParameterizedTest
  @CsvSource({
    "keepAliveInterval, KEEP_ALIVE_INTERVAL",
    "http2, HTTP2",
    "server, SERVER",
    "HTTPServer, HTTP_SERVER",
    "max-concurrent.streams, MAX_CONCURRENT_STREAMS"
  })
  void should_convert_like_sprig(String in, String out) {
    assertThat(SnakeCase.upperSnake(in)).isEqualTo(out);
  }
}
