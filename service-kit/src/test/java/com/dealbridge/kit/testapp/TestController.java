package com.dealbridge.kit.testapp;

import com.dealbridge.kit.security.Caller;
import com.dealbridge.kit.web.NotFoundException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
class TestController {

    record WidgetRequest(@NotBlank String name, @NotNull @Positive Integer quantity) {
    }

    private final MongoTemplate mongo;

    TestController(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @GetMapping("/api/me")
    Map<String, Object> me(Caller caller) {
        Map<String, Object> me = new HashMap<>();
        me.put("role", caller.role());
        me.put("id", caller.id());
        me.put("partnerId", caller.partnerId());
        return me;
    }

    @PostMapping("/api/widgets")
    @ResponseStatus(HttpStatus.CREATED)
    Widget create(@Valid @RequestBody WidgetRequest request) {
        return mongo.insert(new Widget(UUID.randomUUID().toString(), request.name(), request.quantity()));
    }

    @GetMapping("/api/widgets")
    List<Widget> list(@RequestParam(defaultValue = "10") @Max(100) int limit) {
        return mongo.find(new Query().limit(limit).with(Sort.by("name")), Widget.class);
    }

    @GetMapping("/api/widgets/{id}")
    Widget get(@PathVariable UUID id) {
        Widget widget = mongo.findById(id.toString(), Widget.class);
        if (widget == null) {
            throw new NotFoundException("Widget " + id + " not found");
        }
        return widget;
    }

    @PostMapping("/api/uploads")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> upload(@RequestParam("file") MultipartFile file) {
        return Map.of("size", file.getSize());
    }

    @GetMapping("/api/boom")
    String boom() {
        throw new IllegalStateException("secret internal state");
    }

    @GetMapping("/admin/ping")
    Map<String, Object> adminPing(Caller caller) {
        return Map.of("caller", caller.id(), "admin", caller.isAdmin());
    }
}
