package com.dealbridge.kit.testapp;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A minimal service using the kit the way partner-service and crm-service do. */
@SpringBootApplication
public class KitTestApplication {
}
