package ru.lomcrm.deal.deal;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import ru.lomcrm.platform.security.CurrentUser;
import ru.lomcrm.platform.web.DomainException;
import ru.lomcrm.platform.web.Tags;

/** The typical objections offered as ready-made tags (#долгая оплата, ...); the admin keeps the list. */
@RestController
class TagPresetController {

    private final JdbcTemplate jdbc;

    TagPresetController(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record TagPresets(@jakarta.validation.constraints.NotNull(message = "укажите список тегов (пустой — [])")
                             @Size(max = 50, message = "не больше 50 тегов")
                             List<@NotBlank(message = "пустой тег") @Size(max = 60, message = "не длиннее 60 символов") String> items) {
    }

    @GetMapping("/api/deals/tags")
    TagPresets presets() {
        return new TagPresets(jdbc.queryForList("SELECT tag FROM deal_tag_preset ORDER BY position, tag", String.class));
    }

    /** Replaces the list, in the order given. */
    @PutMapping("/api/deals/tags")
    @Transactional
    TagPresets replace(@Valid @RequestBody TagPresets body, CurrentUser caller) {
        if (!caller.isAdmin()) {
            throw DomainException.forbidden("admin-only", "Список тегов ведёт администратор.");
        }
        List<String> tags = body.items().isEmpty() ? List.of() : List.copyOf(Tags.normalize(body.items()));
        jdbc.update("DELETE FROM deal_tag_preset");
        for (int i = 0; i < tags.size(); i++) {
            jdbc.update("INSERT INTO deal_tag_preset (tag, position) VALUES (?, ?)", tags.get(i), i + 1);
        }
        return presets();
    }
}
