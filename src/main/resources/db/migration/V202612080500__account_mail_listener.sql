-- Issue 17: the three account-mail listeners (password reset, sign-in locked, invitation) are one
-- class, AccountMailListener, with the same three methods. Publications the former classes had not
-- completed when the installation was upgraded are handed to the new listener, so that their mails
-- are still sent once (Spring Modulith resubmits incomplete publications by listener id).
update event_publication
set listener_id = 'org.lectern.notification.AccountMailListener.'
                  || substr(listener_id, length('org.lectern.notification.PasswordResetMail.') + 1)
where completion_date is null
  and listener_id like 'org.lectern.notification.PasswordResetMail.%';

update event_publication
set listener_id = 'org.lectern.notification.AccountMailListener.'
                  || substr(listener_id, length('org.lectern.notification.SignInLockedMail.') + 1)
where completion_date is null
  and listener_id like 'org.lectern.notification.SignInLockedMail.%';

update event_publication
set listener_id = 'org.lectern.notification.AccountMailListener.'
                  || substr(listener_id, length('org.lectern.notification.UserInvitationMail.') + 1)
where completion_date is null
  and listener_id like 'org.lectern.notification.UserInvitationMail.%';
