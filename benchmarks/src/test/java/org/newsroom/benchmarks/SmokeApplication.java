package org.newsroom.benchmarks;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The standalone application's composition, for starting it in the test JVM: both sides in one context. */
@SpringBootApplication(scanBasePackages = {"org.newsroom.command", "org.newsroom.query"})
class SmokeApplication {}
