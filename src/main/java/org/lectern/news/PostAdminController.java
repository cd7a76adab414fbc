package org.lectern.news;

import java.io.IOException;
import java.util.UUID;
import org.lectern.identity.LecternUser;
import org.lectern.shared.error.InvalidInputException;
import org.lectern.shared.web.FormErrors;
import org.lectern.shared.web.FormPost;
import org.lectern.shared.web.Ui;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The organisation's posts in the back office: list, write, edit, publish, pictures, delete. */
@Controller
record PostAdminController(Posts posts, PostPages pages) {

  private static final String VIEW = "news/admin-edit";

  @GetMapping("/admin/organisations/{id}/posts")
  String list(
      @PathVariable String id, @AuthenticationPrincipal LecternUser user, Ui ui, Model model) {
    model.addAttribute("page", pages.adminList(user, id(id), ui));
    return "news/admin-list";
  }

  @GetMapping("/admin/organisations/{id}/posts/new")
  String blank(
      @PathVariable String id, @AuthenticationPrincipal LecternUser user, Ui ui, Model model) {
    model.addAttribute(
        "page", pages.edit(user, id(id), null, PostForm.blank(), FormErrors.none(), ui));
    return VIEW;
  }

  @PostMapping("/admin/organisations/{id}/posts")
  String create(@PathVariable String id, @AuthenticationPrincipal LecternUser user, FormPost post) {
    UUID org = id(id);
    posts.writable(user, org);
    PostForm form = PostForm.read(post.params().toSingleValueMap());
    Ui ui = post.ui();
    try {
      Post p = posts.create(user, org, form);
      return post.redirect("/admin/posts/" + p.id(), ui.t("news.saved"));
    } catch (InvalidInputException e) {
      return post.redraw(e, pages.edit(user, org, null, form, FormErrors.of(e, ui), ui), VIEW);
    }
  }

  @GetMapping("/admin/posts/{postId}")
  String edit(
      @PathVariable String postId, @AuthenticationPrincipal LecternUser user, Ui ui, Model model) {
    Post p = posts.editable(user, id(postId));
    model.addAttribute(
        "page", pages.edit(user, p.organisationId(), p, PostForm.of(p), FormErrors.none(), ui));
    return VIEW;
  }

  @PostMapping("/admin/posts/{postId}")
  String save(
      @PathVariable String postId, @AuthenticationPrincipal LecternUser user, FormPost post) {
    Post p = posts.editable(user, id(postId));
    PostForm form = PostForm.read(post.params().toSingleValueMap());
    Ui ui = post.ui();
    try {
      posts.update(user, p.id(), form);
      return post.redirect("/admin/posts/" + p.id(), ui.t("news.saved"));
    } catch (InvalidInputException e) {
      return post.redraw(
          e, pages.edit(user, p.organisationId(), p, form, FormErrors.of(e, ui), ui), VIEW);
    }
  }

  @PostMapping("/admin/posts/{postId}/publish")
  String publish(
      @PathVariable String postId,
      @AuthenticationPrincipal LecternUser user,
      Ui ui,
      RedirectAttributes redirect) {
    Post p = posts.publish(user, id(postId));
    redirect.addFlashAttribute("flash", ui.t("news.published"));
    return "redirect:/admin/posts/" + p.id();
  }

  @PostMapping("/admin/posts/{postId}/unpublish")
  String unpublish(
      @PathVariable String postId,
      @AuthenticationPrincipal LecternUser user,
      Ui ui,
      RedirectAttributes redirect) {
    Post p = posts.unpublish(user, id(postId));
    redirect.addFlashAttribute("flash", ui.t("news.unpublished"));
    return "redirect:/admin/posts/" + p.id();
  }

  @PostMapping("/admin/posts/{postId}/delete")
  String delete(
      @PathVariable String postId,
      @AuthenticationPrincipal LecternUser user,
      Ui ui,
      RedirectAttributes redirect) {
    Post p = posts.editable(user, id(postId));
    posts.delete(user, p.id());
    redirect.addFlashAttribute("flash", ui.t("news.deleted"));
    return "redirect:/admin/organisations/" + p.organisationId() + "/posts";
  }

  @PostMapping("/admin/posts/{postId}/images")
  String image(
      @PathVariable String postId,
      @RequestParam(name = "image", required = false) MultipartFile file,
      @AuthenticationPrincipal LecternUser user,
      FormPost post)
      throws IOException {
    Post p = posts.editable(user, id(postId));
    Ui ui = post.ui();
    try {
      byte[] bytes = file == null ? new byte[0] : PostUploads.read(file);
      UUID image = posts.addImage(user, p.id(), bytes);
      return post.redirect(
          "/admin/posts/" + p.id(),
          ui.t("news.image.added", "![](" + PostPages.imagePath(image) + ")"));
    } catch (InvalidInputException e) {
      return post.redraw(
          e,
          pages.edit(user, p.organisationId(), p, PostForm.of(p), FormErrors.of(e, ui), ui),
          VIEW);
    }
  }

  static UUID id(String s) {
    UUID id = PostForm.uuid(s);
    if (id == null) {
      throw Posts.notFound();
    }
    return id;
  }
}
