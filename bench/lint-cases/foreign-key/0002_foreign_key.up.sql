ALTER TABLE moods ADD CONSTRAINT moods_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (id);
