package org.newsroom.command.article;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.newsroom.article.ArticleContent;
import org.newsroom.article.ArticleDrafted;
import org.newsroom.article.ArticleEvent;
import org.newsroom.article.ArticleId;
import org.newsroom.article.ArticleRevised;
import org.newsroom.article.Byline;
import org.newsroom.article.BylineAssigned;
import org.newsroom.article.Photo;
import org.newsroom.article.PhotoAttached;
import org.newsroom.article.PhotoDetached;
import org.newsroom.article.PhotoId;
import org.newsroom.article.PhotoUpdated;
import org.newsroom.article.PhotosReordered;

record WorkingCopy(
        String headline, String standfirst, String body, String language, List<Photo> photos, List<Byline> bylines) {

    static final int MAX_PHOTOS = 50;

    WorkingCopy {
        photos = photos == null ? List.of() : List.copyOf(photos);
        bylines = bylines == null ? List.of() : List.copyOf(bylines);
    }

    static WorkingCopy of(ArticleDrafted drafted) {
        return new WorkingCopy(
                drafted.headline(), drafted.standfirst(), drafted.body(), drafted.language(), List.of(), List.of());
    }

    ArticleRevised revise(ArticleId id, ReviseArticle command) {
        ArticleRevised revised = textChanges(id, command);
        requireChange(revised.headline(), revised.standfirst(), revised.body(), revised.language());
        return revised;
    }

    /**
     * The events that make this copy {@code target}'s text, photos (matched by id; a new uri is a new photo) and
     * bylines (when it has some), each checked as its ordinary command would check it; none when nothing differs.
     * Photos the copy keeps stay in their place; new ones come after them.
     */
    List<ArticleEvent> changesTo(ArticleId id, ArticleContent target, LanguageList languages) {
        List<ArticleEvent> changes = new ArrayList<>();
        WorkingCopy copy = this;
        ArticleRevised revised = copy.textChanges(
                id,
                new ReviseArticle(
                        id, target.headline(), target.standfirst(), target.body(), target.language(), languages, null));
        if (revised.headline() != null
                || revised.standfirst() != null
                || revised.body() != null
                || revised.language() != null) {
            changes.add(revised);
            copy = copy.with(revised);
        }
        for (Photo photo : photos) {
            Optional<Photo> wanted = target.photos().stream()
                    .filter(candidate -> candidate.photoId().equals(photo.photoId()))
                    .findFirst();
            if (wanted.isEmpty() || !wanted.get().uri().equals(photo.uri())) {
                PhotoDetached detached = copy.detach(id, new DetachPhoto(id, photo.photoId(), null));
                changes.add(detached);
                copy = copy.with(detached);
            }
        }
        for (Photo photo : target.photos()) {
            Optional<Photo> kept = copy.photo(photo.photoId());
            ArticleEvent change;
            if (kept.isEmpty()) {
                change = copy.attach(
                        id,
                        new AttachPhoto(
                                id, photo.photoId(), photo.uri(), photo.caption(), photo.credit(), photo.altText()));
            } else if (sameText(kept.get(), photo)) {
                continue;
            } else {
                change = copy.update(
                        id,
                        new UpdatePhoto(id, photo.photoId(), photo.caption(), photo.credit(), photo.altText(), null));
            }
            changes.add(change);
            copy = copy.with(change);
        }
        if (!target.bylines().isEmpty()) {
            List<Byline> bylines = ContentPolicy.bylines(target.bylines());
            if (!bylines.equals(copy.bylines)) {
                changes.add(new BylineAssigned(id, bylines));
            }
        }
        return changes;
    }

    /** Whether UpdatePhoto with {@code wanted}'s texts would change nothing: a null text leaves the kept one. */
    private static boolean sameText(Photo kept, Photo wanted) {
        return (wanted.caption() == null || kept.caption().equals(ContentPolicy.caption(wanted.caption())))
                && (wanted.credit() == null || kept.credit().equals(ContentPolicy.credit(wanted.credit())))
                && (wanted.altText() == null
                        || Objects.equals(kept.altText(), ContentPolicy.altText(wanted.altText())));
    }

    private ArticleRevised textChanges(ArticleId id, ReviseArticle command) {
        return new ArticleRevised(
                id,
                changed(ifGiven(command.headline(), ContentPolicy::headline), headline),
                changed(ifGiven(command.standfirst(), ContentPolicy::standfirst), standfirst),
                changed(ifGiven(command.body(), ContentPolicy::body), body),
                changed(
                        ifGiven(command.language(), tag -> ContentPolicy.language(tag, command.languages())),
                        language));
    }

    PhotoAttached attach(ArticleId id, AttachPhoto command) {
        PhotoAttached attached = new PhotoAttached(
                id,
                ContentPolicy.photoId(command.photoId()),
                ContentPolicy.photoUri(command.uri()),
                ContentPolicy.caption(command.caption()),
                ContentPolicy.credit(command.credit()),
                ContentPolicy.altText(command.altText()),
                command.mediaId(),
                ContentPolicy.renditions(command.mediaId(), command.renditions()),
                command.agencyItem());
        if (photo(command.photoId()).isPresent()) {
            throw ArticleRuleViolation.photoAlreadyAttached(command.photoId());
        }
        if (photos.size() >= MAX_PHOTOS) {
            throw ArticleRuleViolation.photoLimitReached(MAX_PHOTOS);
        }
        return attached;
    }

    PhotoUpdated update(ArticleId id, UpdatePhoto command) {
        String caption = ifGiven(command.caption(), ContentPolicy::caption);
        String credit = ifGiven(command.credit(), ContentPolicy::credit);
        String altText = ifGiven(command.altText(), ContentPolicy::altText);
        Photo photo = existingPhoto(ContentPolicy.photoId(command.photoId()));
        PhotoUpdated updated = new PhotoUpdated(
                id,
                photo.photoId(),
                changed(caption, photo.caption()),
                changed(credit, photo.credit()),
                changed(altText, photo.altText()));
        requireChange(updated.caption(), updated.credit(), updated.altText());
        return updated;
    }

    PhotoDetached detach(ArticleId id, DetachPhoto command) {
        return new PhotoDetached(
                id, existingPhoto(ContentPolicy.photoId(command.photoId())).photoId());
    }

    BylineAssigned assign(ArticleId id, AssignByline command) {
        List<Byline> assigned = ContentPolicy.bylines(command.bylines());
        if (assigned.equals(bylines)) {
            throw ArticleRuleViolation.nothingToRevise();
        }
        return new BylineAssigned(id, assigned);
    }

    /** The copy as {@code event} leaves it: itself, unless the event changes the text, photos or bylines. */
    WorkingCopy with(ArticleEvent event) {
        if (event instanceof ArticleRevised revised) {
            return with(revised);
        } else if (event instanceof PhotoAttached attached) {
            return with(attached);
        } else if (event instanceof PhotoUpdated updated) {
            return with(updated);
        } else if (event instanceof PhotoDetached detached) {
            return with(detached);
        } else if (event instanceof PhotosReordered reordered) {
            return withPhotos(PhotoOrder.apply(photos, reordered));
        } else if (event instanceof BylineAssigned assigned) {
            return with(assigned);
        }
        return this;
    }

    private WorkingCopy with(ArticleRevised revised) {
        return new WorkingCopy(
                either(revised.headline(), headline),
                either(revised.standfirst(), standfirst),
                either(revised.body(), body),
                either(revised.language(), language),
                photos,
                bylines);
    }

    private WorkingCopy with(PhotoAttached attached) {
        return withPhotos(
                Stream.concat(photos.stream(), Stream.of(attached.photo())).toList());
    }

    private WorkingCopy with(PhotoUpdated updated) {
        return withPhotos(photos.stream()
                .map(photo -> photo.photoId().equals(updated.photoId()) ? updatedPhoto(photo, updated) : photo)
                .toList());
    }

    private WorkingCopy with(PhotoDetached detached) {
        List<Photo> remaining = new ArrayList<>(photos);
        remaining.removeIf(photo -> photo.photoId().equals(detached.photoId()));
        return withPhotos(remaining);
    }

    private WorkingCopy with(BylineAssigned assigned) {
        return new WorkingCopy(headline, standfirst, body, language, photos, assigned.bylines());
    }

    ArticleContent content() {
        return new ArticleContent(headline, standfirst, body, language, photos, bylines);
    }

    private WorkingCopy withPhotos(List<Photo> changed) {
        return new WorkingCopy(headline, standfirst, body, language, changed, bylines);
    }

    private static Photo updatedPhoto(Photo photo, PhotoUpdated updated) {
        return photo.withText(
                either(updated.caption(), photo.caption()),
                either(updated.credit(), photo.credit()),
                either(updated.altText(), photo.altText()));
    }

    private Optional<Photo> photo(PhotoId photoId) {
        return photos.stream().filter(photo -> photo.photoId().equals(photoId)).findFirst();
    }

    private Photo existingPhoto(PhotoId photoId) {
        return photo(photoId).orElseThrow(() -> ArticleRuleViolation.photoNotFound(photoId));
    }

    private static String ifGiven(String value, UnaryOperator<String> check) {
        return value == null ? null : check.apply(value);
    }

    private static <T> T either(T change, T current) {
        return change != null ? change : current;
    }

    private static <T> T changed(T proposed, T current) {
        return Objects.equals(proposed, current) ? null : proposed;
    }

    private static void requireChange(Object... changes) {
        if (Stream.of(changes).allMatch(Objects::isNull)) {
            throw ArticleRuleViolation.nothingToRevise();
        }
    }
}
